import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { forgetApiKey } from "./lookup";
import { MAX_ACTIVE_KEYS, reachesEveryKey } from "./rules";
import { newApiKey } from "./secret";

/**
 * Issue and revoke API keys (docs/decisions/0085). Only the hash is written; the key itself is
 * returned once, to the page that shows it. Both are audited; the audit never holds the key.
 */
export async function issueApiKey(ctx: WriteContext, input: { name: string }) {
  const ownerId = ctx.actor.id;
  if (!ownerId) refuse("UNAUTHENTICATED");
  // One issue at a time per account, so two at once cannot pass the count together.
  await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`api-keys:${ownerId}`}))`;
  const active = await ctx.tx.apiKey.count({ where: { ownerId, revokedAt: null } });
  if (active >= MAX_ACTIVE_KEYS) refuse("FORBIDDEN", { reason: "API_KEY_LIMIT", max: MAX_ACTIVE_KEYS });
  const { key, hash, prefix } = newApiKey();
  const row = await ctx.tx.apiKey.create({
    data: { hash, prefix, name: input.name, ownerId, createdAt: ctx.now },
    select: { id: true, name: true, prefix: true },
  });
  await ctx.audit({
    action: "apiKey.issue",
    entityType: "ApiKey",
    entityId: row.id,
    authorityId: ctx.actor.authorityId,
    after: { name: row.name, prefix, ownerId },
  });
  return { ...row, key };
}

/** Revokes a key: its holder's own, or any key for a role whose row says "any". Revoking twice is a no-op. */
export async function revokeApiKey(ctx: WriteContext, input: { id: string }) {
  const row = await ctx.tx.apiKey.findUnique({
    where: { id: input.id },
    select: { id: true, name: true, prefix: true, hash: true, ownerId: true, revokedAt: true, owner: { select: { authorityId: true } } },
  });
  // Another account's key is "not found" to a caller who may not reach it (its existence is not told).
  if (!row || (row.ownerId !== ctx.actor.id && !reachesEveryKey(ctx.actor.role))) refuse("NOT_FOUND");
  if (row.revokedAt) return { id: row.id, revokedAt: row.revokedAt };
  await ctx.tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: ctx.now, revokedById: ctx.actor.id }, select: { id: true } });
  forgetApiKey(row.hash);
  await ctx.audit({
    action: "apiKey.revoke",
    entityType: "ApiKey",
    entityId: row.id,
    authorityId: row.owner.authorityId,
    before: { revokedAt: null },
    after: { name: row.name, prefix: row.prefix, ownerId: row.ownerId, revokedAt: ctx.now },
  });
  return { id: row.id, revokedAt: ctx.now };
}
