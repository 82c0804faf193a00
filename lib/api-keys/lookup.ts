import "server-only";
import { touchLiveKey } from "./data";
import { hashApiKey, isApiKeyShaped } from "./secret";

/**
 * Who is calling the open-data API (docs/decisions/0085): nobody in particular (no key: counted per
 * client address, as before keys existed), a key's holder (counted per key, at the keyed limit),
 * or a refused key — a key that is malformed, unknown, revoked or whose account is disabled is a
 * 401, never quietly treated as anonymous (a client would not notice its key had stopped working).
 *
 * A key is looked up by its hash with one indexed UPDATE (unique index on "hash") that also records
 * its last use; a found key is then trusted from this process's cache for KEY_CACHE_MS. So a
 * revocation made in this process holds at once, one made in another process within KEY_CACHE_MS.
 */
export const KEY_CACHE_MS = 30_000;
const CACHE_MAX = 10_000;

export type ApiClient = { kind: "anonymous" } | { kind: "key"; bucket: string } | { kind: "refused" };

type Cached = { bucket: string; until: number };
const cache: Map<string, Cached> = ((globalThis as { __registryApiKeys?: Map<string, Cached> }).__registryApiKeys ??= new Map());

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`; "" for a header that holds none. */
export function presentedKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  const apiKey = headers.get("x-api-key")?.trim();
  if (authorization === null) return apiKey ?? null;
  const bearer = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization)?.[1] ?? "";
  // Two different keys in one request are refused rather than one of them picked.
  return apiKey !== undefined && apiKey !== bearer ? "" : bearer;
}

/** Forgets a key in this process (a revocation here takes effect at once). */
export function forgetApiKey(hash: string): void {
  cache.delete(hash);
}

export async function identifyClient(headers: Headers, now: number): Promise<ApiClient> {
  const key = presentedKey(headers);
  if (key === null) return { kind: "anonymous" };
  if (!isApiKeyShaped(key)) return { kind: "refused" };
  const hash = hashApiKey(key);
  const hit = cache.get(hash);
  if (hit && hit.until > now) return { kind: "key", bucket: hit.bucket };
  cache.delete(hash);
  if (!(await touchLiveKey(hash, new Date(now)))) return { kind: "refused" };
  if (cache.size >= CACHE_MAX) cache.clear();
  // The bucket names the key by part of its hash: the rate-limit table never holds the key itself.
  const bucket = `key:${hash.slice(0, 32)}`;
  cache.set(hash, { bucket, until: now + KEY_CACHE_MS });
  return { kind: "key", bucket };
}
