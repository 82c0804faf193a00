/**
 * The time the sign-in protection and the session checks see. Tests replace `clock.now` to move
 * through lockouts and timeouts without waiting; nothing else should.
 */
export const clock = {
  now: (): Date => new Date(),
};
