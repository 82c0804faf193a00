import { env } from "../env";
import { openEngine, resolveTarget, type OpenEngine } from "./engines";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export type { PrismaClient } from "./generated/client";
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Holder = { client?: PrismaClient; engine?: OpenEngine; replica?: PrismaClient; replicaEngine?: OpenEngine; chosen?: boolean };
// Kept on globalThis so that dev-mode module reloading does not open a second PGlite.
const holder: Holder = ((globalThis as { __registryDb?: Holder }).__registryDb ??= {});

/**
 * The Prisma client, created on first use — never at import, so `next build` never opens the
 * database. Only lib/db, lib/** /data.ts and lib/** /mutations.ts may import this module.
 */
export function db(): PrismaClient {
  if (!holder.client) {
    const engine = openEngine(resolveTarget(env()));
    holder.engine = engine;
    holder.client = new PrismaClient({ adapter: engine.factory });
  }
  return holder.client;
}

/**
 * The client for reads that may lag the primary by a moment: public search, school pages,
 * progress and the open-data API. With DATABASE_REPLICA_URL (a PostgreSQL read replica) it is a
 * second client on the replica; otherwise — and whenever a test or script chose its own client
 * with setDbClient — it is db(). Never use it for a read that decides a write.
 */
export function readDb(): PrismaClient {
  if (holder.replica) return holder.replica;
  const { DATABASE_REPLICA_URL, DATABASE_URL } = env();
  if (!DATABASE_REPLICA_URL || !DATABASE_URL || holder.chosen) return db();
  const engine = openEngine({ kind: "postgres", url: DATABASE_REPLICA_URL });
  holder.replicaEngine = engine;
  holder.replica = new PrismaClient({ adapter: engine.factory });
  return holder.replica;
}

/** Tests and scripts: use this client instead of one built from the environment. */
export function setDbClient(client: PrismaClient, engine?: OpenEngine) {
  holder.client = client;
  holder.engine = engine;
  holder.chosen = true;
}

export async function disconnect() {
  const { client, engine, replica, replicaEngine } = holder;
  holder.client = undefined;
  holder.engine = undefined;
  holder.replica = undefined;
  holder.replicaEngine = undefined;
  holder.chosen = undefined;
  await replica?.$disconnect();
  await replicaEngine?.close();
  await client?.$disconnect();
  await engine?.close();
}
