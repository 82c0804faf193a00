import { env } from "../env";
import { readDb, type PrismaClient } from "./client";

/**
 * A per-process cache of public reads that is correct with any number of processes: every entry
 * is stamped with the database's DataVersion (raised by triggers at the commit of any change to
 * public data, whoever makes it), and a request uses an entry only if the version read *for this
 * request* is the same. Losing the cache costs a recomputation, never a wrong answer.
 *
 * The version read is coalesced: concurrent requests share one `SELECT` — but only one that
 * started after they arrived, so a change committed before a request is always seen by it.
 * Values are shared between requests: callers must not mutate them (they are frozen outside
 * production, so a test catches it).
 */
type Entry = { version: bigint; value: Promise<unknown> };
type State = {
  caches: WeakMap<PrismaClient, Map<string, Entry>>;
  reads: WeakMap<PrismaClient, { inflight: Promise<bigint | null> | null; next: Promise<bigint | null> | null }>;
  stats: { hits: number; misses: number; versionReads: number };
};

const state: State = ((globalThis as { __registryReadCache?: State }).__registryReadCache ??= {
  caches: new WeakMap(),
  reads: new WeakMap(),
  stats: { hits: 0, misses: 0, versionReads: 0 },
});

async function readVersion(client: PrismaClient): Promise<bigint | null> {
  state.stats.versionReads++;
  const rows = await client.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
  return rows.length ? BigInt(rows[0].version) : null;
}

/** The data version as of a moment after this call: shares a read only if it starts later. */
export function dataVersion(client: PrismaClient = readDb()): Promise<bigint | null> {
  let r = state.reads.get(client);
  if (!r) state.reads.set(client, (r = { inflight: null, next: null }));
  const reads = r;
  if (!reads.inflight) {
    reads.inflight = readVersion(client).finally(() => {
      reads.inflight = null;
    });
    return reads.inflight;
  }
  reads.next ??= reads.inflight
    .catch(() => null)
    .then(() => {
      reads.next = null;
      return dataVersion(client);
    });
  return reads.next;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** `load()`'s result for `key` at the current data version, computed at most once per version. */
export async function cachedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const max = env().PUBLIC_CACHE_ENTRIES;
  if (max === 0) return load();
  const client = readDb();
  const version = await dataVersion(client);
  if (version === null) return load();
  let cache = state.caches.get(client);
  if (!cache) state.caches.set(client, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    state.stats.hits++;
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  state.stats.misses++;
  const production = env().NODE_ENV === "production";
  const value = load().then((v) => (production ? v : deepFreeze(v)));
  const entry: Entry = { version, value };
  cache.delete(key);
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  while (cache.size > max) cache.delete(cache.keys().next().value as string);
  return value;
}

/** Wraps a public read function: same arguments, cached under `name` and the key of its arguments. */
export function cachedPublicRead<A extends unknown[], T>(name: string, fn: (...args: A) => Promise<T>, keyOf: (...args: A) => string) {
  return (...args: A): Promise<T> => cachedRead(`${name}:${keyOf(...args)}`, () => fn(...args));
}

export function readCacheStats() {
  return { ...state.stats };
}
