import "server-only";
import { db, readDb } from "@/lib/db/client";

/**
 * The keys a page lists: the caller's own, or every account's for a role that reaches every key
 * (newest first; revoked ones stay listed, greyed, so their holders see what happened). Never the
 * hash: the list shows the prefix the holder saw with the key.
 */
export async function listApiKeys(ownerId: string, everyAccount: boolean) {
  return readDb().apiKey.findMany({
    where: everyAccount ? {} : { ownerId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      ownerId: true,
      owner: { select: { username: true, displayName: true } },
    },
  });
}

/**
 * The lookup of a keyed API request: one indexed UPDATE (unique "hash") that finds a live key of an
 * enabled account and records its use in the same statement. Bookkeeping on the read path, not an
 * act of anyone's: no audit event and no write context (as lib/accounts/sessions touchSession).
 */
export async function touchLiveKey(hash: string, now: Date): Promise<boolean> {
  const { count } = await db().apiKey.updateMany({ where: { hash, revokedAt: null, owner: { disabled: false } }, data: { lastUsedAt: now } });
  return count === 1;
}
