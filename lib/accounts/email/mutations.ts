import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { directTarget } from "../mutations";

/**
 * Setting an account's e-mail address (docs/decisions/0069): the holder on their own page, the
 * system administrator on a non-privileged account (a privileged one's holder sets it: a direct
 * change there would bypass dual control). Audited with the old and new address — where someone's
 * notifications go is what an auditor must be able to follow.
 */
export async function setOwnEmail(ctx: WriteContext, input: { email: string | null }) {
  return applyEmail(ctx, ctx.actor.id ?? refuse("UNAUTHENTICATED"), input.email);
}

export async function setAccountEmail(ctx: WriteContext, input: { id: string; email: string | null }) {
  await directTarget(ctx, input.id);
  return applyEmail(ctx, input.id, input.email);
}

async function applyEmail(ctx: WriteContext, id: string, email: string | null) {
  const before = await ctx.tx.user.findUnique({ where: { id }, select: { email: true, authorityId: true } });
  if (!before) refuse("NOT_FOUND");
  if (before.email === email) return { id, email };
  await ctx.tx.user.update({ where: { id }, data: { email }, select: { id: true } });
  await ctx.audit({
    action: "account.email",
    entityType: "User",
    entityId: id,
    authorityId: before.authorityId,
    before: { email: before.email },
    after: { email },
  });
  return { id, email };
}
