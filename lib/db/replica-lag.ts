/**
 * How far behind the primary the replica is, as an upper bound in ms (decision 0075): a replica
 * is never judged closer than it is. Two bounds, the smaller wins — both are safe:
 *  - positions: the primary's flush position was sampled at earlier probes; if the replica has
 *    replayed past a sample taken at time t, it holds everything the primary had at t, so it is
 *    at most now − t behind (tight while probes run, i.e. while reads arrive);
 *  - time: every change the replica is missing committed after the last commit it replayed, so
 *    it is at most `now() - pg_last_xact_replay_timestamp()` behind (needs no history).
 * Caught up with the primary's position read just before → 0.
 */
export type Sample = { at: number; lsn: bigint };

export function lagBound(o: { now: number; primaryLsn: bigint; replayLsn: bigint; sinceReplayMs: number | null; samples: readonly Sample[] }): number {
  if (o.replayLsn >= o.primaryLsn) return 0;
  let reached = -Infinity;
  for (const s of o.samples) if (s.lsn <= o.replayLsn && s.at > reached) reached = s.at;
  const byPosition = o.now - reached;
  const byTime = o.sinceReplayMs === null ? Infinity : Math.max(0, o.sinceReplayMs);
  return Math.max(0, Math.min(byPosition, byTime));
}

/** The samples worth keeping after adding `sample`: those of the last `windowMs`, at most 256. */
export function keepSamples(samples: readonly Sample[], sample: Sample, windowMs: number): Sample[] {
  const kept = samples.filter((s) => sample.at - s.at <= windowMs);
  kept.push(sample);
  return kept.slice(-256);
}
