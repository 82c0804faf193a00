import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { mailNotifications } from "@/lib/mail/outbox";
import type { Role } from "@/lib/kernel/enums";
import type { NotificationKind } from "./kinds";

/** Who receives: named accounts, or every enabled account of a role (optionally of one authority). */
export type Recipients = { userIds: readonly string[] } | { role: Role | readonly Role[]; authorityId?: string | null };

export type Notice = { kind: NotificationKind; params?: Record<string, string | number>; link: string };

/**
 * THE one home for creating notifications (docs/decisions/0068). Called by a mutation inside its
 * own transaction (ctx.tx), so a notification exists exactly when the write it tells of committed,
 * and is mailed after that commit when SMTP_URL is set (docs/decisions/0067).
 * The acting account is never told of its own act.
 */
export async function notify(ctx: WriteContext, to: Recipients, notice: Notice): Promise<number> {
  const userIds = "userIds" in to ? [...to.userIds] : await accountsOf(ctx, to.role, to.authorityId);
  const ids = [...new Set(userIds)].filter((id) => id !== ctx.actor.id);
  if (!ids.length) return 0;
  const rows = await ctx.tx.notification.createManyAndReturn({
    data: ids.map((userId) => ({ userId, kind: notice.kind, params: notice.params ?? {}, link: notice.link, createdAt: ctx.now })),
    select: { id: true },
  });
  // Mailed once the write has committed (never after a rollback), to holders with an address (lib/mail).
  ctx.afterCommit(() => mailNotifications(rows.map((r) => r.id)));
  return rows.length;
}

async function accountsOf(ctx: WriteContext, role: Role | readonly Role[], authorityId?: string | null) {
  const roles = typeof role === "string" ? [role] : [...role];
  const rows = await ctx.tx.user.findMany({
    where: { role: { in: roles }, disabled: false, ...(authorityId ? { authorityId } : {}) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
