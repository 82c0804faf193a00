import { createHash, randomBytes } from "node:crypto";

/**
 * THE key format of the open-data API (docs/decisions/0085): "jgyx_" (技工院校) and 32 random bytes
 * in base64url — 256 bits, so a fast hash is enough to keep it (nobody can guess back through
 * sha256 from a secret that was never guessable; a slow password hash would only cost every keyed
 * request its CPU). The prefix lets secret scanners and people recognise a leaked key.
 */
export const API_KEY_PREFIX = "jgyx_";
const KEY_PATTERN = /^jgyx_[A-Za-z0-9_-]{43}$/;
/** How much of a key lists show: the prefix and four characters of the secret. */
const SHOWN = API_KEY_PREFIX.length + 4;

/** sha256 (hex) of the key as presented: what the database keeps and looks up. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new key: the secret (shown once), its hash and the part lists may show. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN) };
}

/** Has the shape of a key (checked before any lookup: anything else is refused without a query). */
export function isApiKeyShaped(value: string): boolean {
  return KEY_PATTERN.test(value);
}
