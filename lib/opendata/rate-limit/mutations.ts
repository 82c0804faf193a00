import "server-only";
import { db } from "@/lib/db/client";

/**
 * The rate limit's shared state: one row per (client key, fixed window), incremented by a single
 * atomic INSERT … ON CONFLICT DO UPDATE, so that every app process counts against the same number.
 * `n` > 1 adds requests a process counted and deferred (lib/opendata/rate-limit/limit.ts).
 * Not audited: these counters are operational bookkeeping, not registry data.
 */
export async function countRequest(key: string, windowStartMs: number, n = 1): Promise<number> {
  // Committed without waiting for the WAL flush (synchronous_commit off for this one statement's
  // transaction): a crash may lose the last few counts, which a rate limit can afford, and the
  // counter row's lock is then held for microseconds instead of a disk flush — 64 concurrent
  // requests from one address went from ~1,400 to ~7,800 counts/s (docs/benchmarks.md).
  const rows = await db().$queryRaw<{ count: number }[]>`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    SELECT ${key}, to_timestamp(${windowStartMs}::double precision / 1000) AT TIME ZONE 'UTC', ${n}::int FROM async_commit
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + EXCLUDED."count"
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0);
}

/** Drops windows that ended before `beforeMs`. */
export async function pruneRequestCounts(beforeMs: number): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "RateLimitBucket" WHERE "windowStart" < to_timestamp(${beforeMs}::double precision / 1000) AT TIME ZONE 'UTC'`;
}
