import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields, Refusal } from "@/lib/errors";
import { getSecurityPolicy } from "../data";
import { passwordIssues } from "../password-check";
import type { ChangePasswordInput } from "../schema";
import { revokeSessions } from "../sessions/mutations";
import { registerFailure } from "../sign-in/mutations";

/**
 * A user (ctx.actor) changes their own password — also the forced change after a reset or on a
 * new account. The current password is required: a wrong one counts toward the lockout like a
 * failed sign-in (the refusal keeps that count: `keepWrites`), and the lockout it reaches ends the
 * sessions (UNAUTHENTICATED). The new one must pass the policy and differ from the old. Other
 * sessions end; `keepSession`, the one the change was made in, stays.
 */
export async function changeOwnPassword(ctx: WriteContext, input: ChangePasswordInput & { keepSession?: string }): Promise<{ changed: true }> {
  const id = ctx.actor.id;
  const row = id ? await ctx.tx.user.findUnique({ where: { id }, select: { username: true, passwordHash: true, authorityId: true } }) : null;
  if (!id || !row) refuse("UNAUTHENTICATED");
  const policy = await getSecurityPolicy(ctx.tx);

  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    const facts = { userId: id, authorityId: row.authorityId, username: row.username, policy };
    const locked = await registerFailure(ctx, { ...facts, action: "auth.password_change_failed", endSessions: true });
    const keepWrites = { keepWrites: true };
    if (locked) throw new Refusal("UNAUTHENTICATED", undefined, undefined, keepWrites);
    throw new Refusal("VALIDATION", undefined, { currentPassword: [{ key: "currentPasswordWrong" }] }, keepWrites);
  }
  const issues = passwordIssues(input.newPassword, row.username, policy);
  if (issues.length) refuseFields({ newPassword: issues });
  if (await verifyPassword(input.newPassword, row.passwordHash)) refuseFields({ newPassword: [{ key: "passwordSameAsCurrent" }] });

  const passwordHash = await hashPassword(input.newPassword);
  await ctx.tx.user.update({
    where: { id },
    data: { passwordHash, mustChangePassword: false, passwordChangedAt: ctx.now, failedSignIns: 0 },
    select: { id: true },
  });
  const sessionsEnded = await revokeSessions(ctx, id, input.keepSession);
  await ctx.audit({
    action: "auth.password_change",
    entityType: "User",
    entityId: id,
    authorityId: row.authorityId,
    after: { sessionsEnded, ip: ctx.clientAddress },
  });
  return { changed: true };
}
