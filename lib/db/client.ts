import { env } from "../env";
import { openEngine, resolveTarget, type OpenEngine } from "./engines";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export type { PrismaClient } from "./generated/client";
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Holder = { client?: PrismaClient; engine?: OpenEngine };
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

/** Tests and scripts: use this client instead of one built from the environment. */
export function useClient(client: PrismaClient, engine?: OpenEngine) {
  holder.client = client;
  holder.engine = engine;
}

export async function disconnect() {
  const { client, engine } = holder;
  holder.client = undefined;
  holder.engine = undefined;
  await client?.$disconnect();
  await engine?.close();
}
