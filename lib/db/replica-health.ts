import { env } from "../env";
import { isDbUnavailable } from "../kernel/db-errors";
import { isConnectionFailure } from "./availability";
import { db, replicaDb, type PrismaClient } from "./client";
import { keepSamples, lagBound, type Sample } from "./replica-lag";
import { parseLsn } from "./replica-lsn";

/**
 * Is the read replica fit for public reads, as this process last saw it (decision 0075)?
 * One shared probe — a query on the primary, then one on the replica — at most every
 * CHECK_INTERVAL_MS while reads arrive, none while idle; concurrent requests share it.
 * Lag is an upper bound in time (lib/db/replica-lag.ts): never less behind than measured.
 */
export const CHECK_INTERVAL_MS = 250;
/** A probe that has not answered by then counts as "replica down". */
export const PROBE_TIMEOUT_MS = 1000;
/** While the replica is down, one probe per this interval; no request waits for it. */
export const DOWN_RETRY_MS = 1000;

export type ReplicaHealth = {
  /** The replica answered the last probe. */
  reachable: boolean;
  /** Replay position (bytes) at the probe: a write at or below it is visible on the replica. */
  replayLsn: bigint;
  /** Upper bound of how far behind the primary it was, in ms (Infinity when unknown). */
  lagMs: number;
  /** When the probe finished (Date.now()). */
  at: number;
};

type State = {
  last: ReplicaHealth | null;
  inflight: Promise<ReplicaHealth> | null;
  /** The primary's flush position at earlier probes (for the lag's position bound). */
  samples: Sample[];
  probes: number;
  maxLagMs: number | null;
  probeTimeoutMs: number;
};
const state: State = ((globalThis as { __registryReplica?: State }).__registryReplica ??= {
  last: null,
  inflight: null,
  samples: [],
  probes: 0,
  maxLagMs: null,
  probeTimeoutMs: PROBE_TIMEOUT_MS,
});

/** The bound (ms) beyond which public reads go to the primary: REPLICA_MAX_LAG_SECONDS. */
export function maxLagMs(): number {
  return state.maxLagMs ?? env().REPLICA_MAX_LAG_SECONDS * 1000;
}

/** Fit for public reads: reachable and not further behind than the bound. */
export const usable = (h: ReplicaHealth) => h.reachable && h.lagMs <= maxLagMs();

async function measure(primary: PrismaClient, replica: PrismaClient): Promise<ReplicaHealth> {
  const asked = Date.now();
  const [p] = await primary.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_flush_lsn()::text AS lsn`;
  // Not in recovery: the URL names a primary (itself, or a pooler in front of it) — nothing to wait for.
  const [r] = await replica.$queryRaw<{ lsn: string; sinceMs: number | null }[]>`
    SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END)::text AS lsn,
           CASE WHEN pg_is_in_recovery() THEN (EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000)::float8 ELSE 0 END AS "sinceMs"`;
  const replayLsn = parseLsn(r.lsn) ?? 0n;
  const primaryLsn = parseLsn(p.lsn) ?? 0n;
  const now = Date.now();
  const lagMs = lagBound({ now, primaryLsn, replayLsn, sinceReplayMs: r.sinceMs, samples: state.samples });
  // The primary had at most this position when it was asked: a replica past it has all of that moment.
  state.samples = keepSamples(state.samples, { at: asked, lsn: primaryLsn }, 2 * maxLagMs() + 10_000);
  return { reachable: true, replayLsn, lagMs, at: now };
}

function probe(replica: PrismaClient): Promise<ReplicaHealth> {
  state.probes++;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("replica probe timeout")), state.probeTimeoutMs);
    timer.unref?.();
  });
  return Promise.race([measure(db(), replica), timeout])
    .catch((): ReplicaHealth => down())
    .then((h) => {
      clearTimeout(timer);
      state.last = h;
      return h;
    })
    .finally(() => {
      state.inflight = null;
    });
}

const down = (): ReplicaHealth => ({ reachable: false, replayLsn: 0n, lagMs: Infinity, at: Date.now() });

/**
 * The replica's health, at most CHECK_INTERVAL_MS old; a request waits for a probe only while the
 * replica was last seen reachable (a few ms). Null without a replica.
 */
export async function replicaHealth(now = Date.now()): Promise<ReplicaHealth | null> {
  const replica = replicaDb();
  if (!replica) return null;
  const last = state.last;
  if (last && now - last.at < (last.reachable ? CHECK_INTERVAL_MS : DOWN_RETRY_MS)) return last;
  state.inflight ??= probe(replica);
  return last && !last.reachable ? last : state.inflight;
}

/** A read on the replica failed because it cannot be reached: stop using it until a probe says otherwise. */
export function noteReplicaFailure(e: unknown) {
  if (isConnectionFailure(e) || isDbUnavailable(e)) state.last = down();
}

/**
 * Tests only: the lag bound in ms (null: back to REPLICA_MAX_LAG_SECONDS), the probe's timeout (a
 * busy test machine must not look like a hung replica), and forgetting the last probe.
 */
export function configureReplicaForTests(opts: { maxLagMs?: number | null; probeTimeoutMs?: number; forget?: boolean }) {
  if (opts.maxLagMs !== undefined) state.maxLagMs = opts.maxLagMs;
  if (opts.probeTimeoutMs !== undefined) state.probeTimeoutMs = opts.probeTimeoutMs;
  if (opts.forget) {
    state.last = null;
    state.samples = [];
  }
}

/** How many probes this process has run (tests: the check stays cheap). */
export const replicaProbeCount = () => state.probes;
