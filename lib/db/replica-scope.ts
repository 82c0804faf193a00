import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "./generated/client";

/**
 * The database a public read runs on, for the duration of that read (lib/db/replica-route.ts sets
 * it, readDb() in lib/db/client.ts returns it). Its own module so that both can import it without
 * a cycle. Holds one client reference: nothing a finished request could keep alive.
 */
export const readScope = new AsyncLocalStorage<PrismaClient>();
