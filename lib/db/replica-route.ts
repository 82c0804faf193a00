import { isDbUnavailable } from "../kernel/db-errors";
import { db, replicaDb, type PrismaClient } from "./client";
import { writtenLsn } from "./replica-cookie";
import { noteReplicaFailure, replicaHealth, usable } from "./replica-health";
import { readScope } from "./replica-scope";

/**
 * THE routing rule for public reads (ARCHITECTURE.md; decisions 0073–0075). `fn` runs on one
 * database, and readDb() inside it returns that database:
 *  - no DATABASE_REPLICA_URL → the primary (nothing changes);
 *  - the replica is down or further behind than REPLICA_MAX_LAG_SECONDS → the primary;
 *  - the request carries the caller's own write position (READ_AFTER_COOKIE) and the replica has
 *    not replayed that far → the primary;
 *  - otherwise the replica; if the read fails there (the replica went away, a recovery conflict),
 *    it is run once more on the primary — a public page never fails because of the replica.
 * A read nested in another keeps the outer read's database.
 */
export async function onPublicRead<T>(fn: (client: PrismaClient) => Promise<T>): Promise<T> {
  const current = readScope.getStore();
  if (current) return fn(current);
  const replica = replicaDb();
  const primary = db();
  const on = (client: PrismaClient) => readScope.run(client, () => fn(client));
  if (!replica || !(await replicaFits())) return on(primary);
  try {
    return await on(replica);
  } catch (e) {
    if (!replicaFault(e)) throw e;
    noteReplicaFailure(e);
    return on(primary);
  }
}

async function replicaFits(): Promise<boolean> {
  const [health, wrote] = await Promise.all([replicaHealth(), writtenLsn()]);
  if (!health || !usable(health)) return false;
  return wrote === null || health.replayLsn >= wrote;
}

/** Failures that are the replica's, not the read's: it cannot be reached, or replay cancelled the query. */
function replicaFault(e: unknown): boolean {
  return isDbUnavailable(e) || /conflict with recovery|terminating connection|the database system is/i.test((e as Error)?.message ?? "");
}

/**
 * Runs `fn` with every public read inside it on the primary: for work that decides a write from
 * what the public reads return (the webhook dispatcher queues deliveries and moves its cursor).
 */
export function onPrimary<T>(fn: () => Promise<T>): Promise<T> {
  const primary = db();
  return readScope.run(primary, fn);
}
