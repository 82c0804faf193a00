import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";

/**
 * Marking read. A notification is its holder's alone: another account's is "not found" (its
 * existence is not told). Reading is not an audited act (it changes nothing of the register).
 */
export async function markNotificationRead(ctx: WriteContext, input: { id: string }) {
  const userId = ctx.actor.id;
  if (!userId) refuse("UNAUTHENTICATED");
  const row = await ctx.tx.notification.findFirst({ where: { id: input.id, userId }, select: { id: true, readAt: true, link: true } });
  if (!row) refuse("NOT_FOUND");
  if (!row.readAt) await ctx.tx.notification.update({ where: { id: row.id }, data: { readAt: ctx.now }, select: { id: true } });
  return { id: row.id, link: row.link };
}

export async function markAllNotificationsRead(ctx: WriteContext) {
  const userId = ctx.actor.id;
  if (!userId) refuse("UNAUTHENTICATED");
  const { count } = await ctx.tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: ctx.now } });
  return { count };
}
