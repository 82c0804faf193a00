import type { PrismaClient } from "@/lib/db/generated/client";

/**
 * Waits until every transaction that wrote an audit event in this database is below a new
 * snapshot's xmin, i.e. until the changes cursor (decision 0081) may hand all of them out. The
 * xmin is cluster-wide: on CI's PostgreSQL other test files run beside this one, and any of their
 * open write transactions holds it back for a while — the changes then come later, never skipped.
 * A test that expects its own write in the next poll waits here first (at most `timeoutMs`).
 */
export async function changesSettled(client: PrismaClient, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await client.$queryRaw<{ settled: boolean }[]>`
      SELECT coalesce((SELECT max(xid) FROM "AuditEvent"), 0) < (pg_snapshot_xmin(pg_current_snapshot()))::text::bigint AS settled`;
    if (row.settled || Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
