import { env } from "../env";
import { openEngine, resolveTarget, type OpenEngine } from "./engines";
import { readScope } from "./replica-scope";
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
 * The client for a public read: inside one (lib/db/replica-route.ts `onPublicRead`, which every
 * cached public read runs through) the database chosen for this request — the replica, or the
 * primary when the replica is down, lags too far or has not yet replayed the caller's own write;
 * outside one, the primary. So a read that decides a write, a console read or the changes cursor
 * can never land on the replica by calling this. Never use it for a read that decides a write.
 */
export function readDb(): PrismaClient {
  return readScope.getStore() ?? db();
}

/**
 * The replica's client when DATABASE_REPLICA_URL is set (and no test or script chose its own
 * client with setDbClient), else null. Its pool does not report to lib/db/availability.ts: a
 * replica outage moves public reads to the primary, it does not take the node down.
 */
export function replicaDb(): PrismaClient | null {
  if (holder.replica) return holder.replica;
  const { DATABASE_REPLICA_URL, DATABASE_URL } = env();
  if (!DATABASE_REPLICA_URL || !DATABASE_URL || holder.chosen) return null;
  const engine = openEngine({ kind: "postgres", url: DATABASE_REPLICA_URL }, { watchAvailability: false });
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
