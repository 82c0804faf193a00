import { refuse } from "@/lib/errors";
import { addressBucket, hashedAddress } from "@/lib/request/client-address";
import type { WriteContext } from "./unit-of-work";

/** At most `max` writes in `windowMs`. */
export type WriteLimit = { max: number; windowMs: number };

/** Counts the rows already written under the key since a moment (the limit's own table, read in the same transaction). */
type CountSince = (since: Date) => Promise<number>;

/**
 * THE limit on the public's writes (objections, error reports): counted in the database on the rows
 * those writes leave, so every app process counts the same, and serialised on the key with a
 * transaction lock so that two parallel requests cannot both pass the count. RATE_LIMITED at the limit.
 */
export async function holdWriteLimit(ctx: WriteContext, lockKey: string, limit: WriteLimit, countSince: CountSince): Promise<void> {
  await ctx.tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${lockKey}))`;
  if ((await countSince(new Date(ctx.now.getTime() - limit.windowMs))) >= limit.max) refuse("RATE_LIMITED");
}

/**
 * The per-address form: the request's client address (THE rule, lib/request/client-address.ts),
 * counted by its bucket (an IPv6 /64) and kept only as a keyed hash, one key per purpose. Returns the
 * hash, which the new row carries so the next request counts it.
 */
export async function holdAddressLimit(ctx: WriteContext, purpose: string, limit: WriteLimit, countSince: (ipHash: string, since: Date) => Promise<number>) {
  const ipHash = hashedAddress(addressBucket(ctx.clientAddress), purpose);
  await holdWriteLimit(ctx, ipHash, limit, (since) => countSince(ipHash, since));
  return ipHash;
}
