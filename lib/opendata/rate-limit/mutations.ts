import "server-only";
import { db } from "@/lib/db/client";

/**
 * The rate limit's shared state: one row per (client key, fixed window), incremented by a single
 * atomic INSERT … ON CONFLICT DO UPDATE, so that every app process counts against the same number.
 * Not audited: these counters are operational bookkeeping, not registry data.
 */
export async function countRequest(key: string, windowStartMs: number): Promise<number> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(${windowStartMs}::double precision / 1000) AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0);
}

/** Drops windows that ended before `beforeMs`. */
export async function pruneRequestCounts(beforeMs: number): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "RateLimitBucket" WHERE "windowStart" < to_timestamp(${beforeMs}::double precision / 1000) AT TIME ZONE 'UTC'`;
}
