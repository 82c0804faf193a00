/**
 * THE retry schedule (docs/decisions/0083): after the n-th failed attempt the next one waits
 * 1 min · 2^(n-1), at most 6 h; a delivery whose next attempt would fall more than a day after
 * it was queued is given up (and its subscription disabled, lib/webhooks/worker.ts).
 * 1, 2, 4 … 256 min, then 6 h steps: twelve attempts within the day.
 */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 3_600_000;
export const RETRY_WINDOW_MS = 24 * 3_600_000;

export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_MS);
}

/** When to try again after `failedAttempts` failures, the last at `now`; null: give up. */
export function nextAttemptAt(queuedAt: Date, failedAttempts: number, now: Date): Date | null {
  const next = now.getTime() + retryDelayMs(failedAttempts);
  return next - queuedAt.getTime() > RETRY_WINDOW_MS ? null : new Date(next);
}
