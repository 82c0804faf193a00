import { getHeapStatistics } from "node:v8";
import { env } from "../env";
import { db, readDb, type PrismaClient } from "./client";
import { onPublicRead } from "./replica-route";

/**
 * A per-process cache of public reads that is correct with any number of processes: every entry
 * is stamped with the database's DataVersion (raised by triggers at the commit of any change to
 * public data, whoever makes it), and a request uses an entry only if the version read *for this
 * request* is the same. Losing the cache costs a recomputation, never a wrong answer.
 *
 * The version read is coalesced: concurrent requests share one `SELECT` — but only one that
 * started after they arrived, so a change committed before a request is always seen by it.
 * Values are shared between requests: callers must not mutate them (they are frozen outside
 * production, so a test catches it). With a read replica each read runs on the database
 * lib/db/replica-route.ts chooses for the request, and each database has its own entries.
 */
/**
 * `pending` while the value loads (shared by concurrent requests), then only `result`: a promise
 * must not be kept. Node's AsyncLocalStorage stamps every promise with the store of the request
 * that created it — for a page, React's render of that request — so a cached promise kept a whole
 * finished render alive (measured: 401 renders, ~130 MB, under a 38 MB budget; docs/benchmarks.md).
 */
type Entry = { version: bigint; pending: Promise<unknown> | null; result?: { value: unknown }; bytes: number };
type Cache = { entries: Map<string, Entry>; bytes: number };
type State = {
  caches: WeakMap<PrismaClient, Cache>;
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
  if (v && typeof v === "object" && !Object.isFrozen(v) && !ArrayBuffer.isView(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Roughly what a value occupies in memory: its JSON length, times three for object overhead. */
function sizeOf(v: unknown): number {
  try {
    return (JSON.stringify(v)?.length ?? 0) * 3 + 200;
  } catch {
    return 64 * 1024;
  }
}

function evict(cache: Cache, budget: number) {
  for (const [key, e] of cache.entries) {
    if (cache.bytes <= budget && cache.entries.size <= MAX_CACHE_ENTRIES) break;
    cache.entries.delete(key);
    cache.bytes -= e.bytes;
  }
}

function drop(cache: Cache, key: string, entry: Entry) {
  if (cache.entries.get(key) !== entry) return;
  cache.entries.delete(key);
  cache.bytes -= entry.bytes;
}

/** Entries at most, whatever their size: the byte estimate undercounts many tiny values. */
export const MAX_CACHE_ENTRIES = 20_000;

/**
 * The budget in bytes: PUBLIC_CACHE_MB, or by default an eighth of V8's heap limit, at most 64 MB
 * (the cache is long-lived heap: under a 256 MB cap, 64 MB of it made every major GC dearer and
 * pushed the process's peak memory up; docs/benchmarks.md).
 */
export function cacheBudgetBytes(): number {
  const mb = env().PUBLIC_CACHE_MB;
  if (mb !== undefined) return mb * 1024 * 1024;
  return Math.min(64 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 8));
}

/**
 * `load()`'s result for `key` at the current data version, computed at most once per version.
 * The cache holds up to cacheBudgetBytes() (estimated) and MAX_CACHE_ENTRIES, least recently
 * used out first.
 */
export async function cachedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  return onPublicRead((client) => cachedOn(client, key, load));
}

/**
 * The cache of one database (primary or replica): the version is read from the database the
 * load reads, before it, so an entry's data is never older than its version — and a replica's
 * entries, kept apart from the primary's, are never newer than the replica (decision 0074).
 */
async function cachedOn<T>(client: PrismaClient, key: string, load: () => Promise<T>): Promise<T> {
  const budget = cacheBudgetBytes();
  if (budget === 0) return load();
  const version = await dataVersion(client);
  if (version === null) return load();
  let cache = state.caches.get(client);
  if (!cache) state.caches.set(client, (cache = { entries: new Map(), bytes: 0 }));
  const c = cache;
  const hit = c.entries.get(key);
  if (hit && hit.version === version) {
    state.stats.hits++;
    c.entries.delete(key); // most recently used last
    c.entries.set(key, hit);
    return (hit.result ? hit.result.value : hit.pending) as T | Promise<T>;
  }
  state.stats.misses++;
  if (hit) drop(c, key, hit);
  const production = env().NODE_ENV === "production";
  const entry: Entry = { version, pending: null, bytes: 0 };
  const pending = load().then((loaded) => {
    const v = production ? loaded : deepFreeze(loaded);
    entry.result = { value: v };
    entry.pending = null;
    if (c.entries.get(key) === entry) {
      entry.bytes = sizeOf(v);
      c.bytes += entry.bytes;
      // A value too big for a quarter of the budget is not kept.
      if (entry.bytes > budget / 4) drop(c, key, entry);
      else evict(c, budget);
    }
    return v;
  });
  entry.pending = pending;
  pending.catch(() => {
    entry.pending = null;
    drop(c, key, entry);
  });
  c.entries.set(key, entry);
  return pending as Promise<T>;
}

/**
 * The same version-checked cache on the primary, for console reads: the version is read from the
 * primary for this request, so a user's own write (committed before their next request) is
 * always seen — an entry is only ever reused while nothing public has changed since it was read.
 */
export async function cachedPrimaryRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  return cachedOn(db(), key, load);
}

/** Wraps a public read function: same arguments, cached under `name` and the key of its arguments. */
export function cachedPublicRead<A extends unknown[], T>(name: string, fn: (...args: A) => Promise<T>, keyOf: (...args: A) => string) {
  return (...args: A): Promise<T> => cachedRead(`${name}:${keyOf(...args)}`, () => fn(...args));
}

export function readCacheStats() {
  return { ...state.stats };
}

/** Bytes (estimated) and entries held for the current read client. */
export function readCacheSize(client: PrismaClient = readDb()) {
  const c = state.caches.get(client);
  return { bytes: c?.bytes ?? 0, entries: c?.entries.size ?? 0 };
}
