import "server-only";
import { fieldFailure } from "../field-failure";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/mutations";
import type { SessionUser } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { getSecurityPolicy } from "../data";
import { passwordIssues } from "../password-check";
import type { ChangePasswordInput } from "../schema";
import { revokeSessions } from "../sessions/mutations";
import { registerFailure } from "../sign-in/mutations";

/**
 * A user changes their own password (also the forced change after a reset or on a new account):
 * the current password is required — a wrong one counts toward the lockout like a failed
 * sign-in — and the new one must pass the policy and differ from the old. Other sessions end;
 * the one the change was made in stays.
 */
export async function changeOwnPassword(user: SessionUser, input: ChangePasswordInput, ip: string, now: Date): Promise<ActionResult<{ changed: true }>> {
  const row = await db().user.findUnique({ where: { id: user.id }, select: { passwordHash: true, displayName: true, authorityId: true } });
  if (!row) return { ok: false, code: "UNAUTHENTICATED" };
  const account = { id: user.id, displayName: row.displayName, authorityId: row.authorityId };

  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    const policy = await getSecurityPolicy();
    const locked = await registerFailure(account, user.username, ip, policy, now, { action: "auth.password_change_failed", endSessions: true });
    return locked ? { ok: false, code: "UNAUTHENTICATED" } : fieldFailure("currentPassword", "currentPasswordWrong");
  }
  const issues = await passwordIssues(input.newPassword, user.username);
  if (issues.length) return { ok: false, code: "VALIDATION", fieldErrors: { newPassword: issues } };
  if (await verifyPassword(input.newPassword, row.passwordHash)) return fieldFailure("newPassword", "passwordSameAsCurrent");

  const hash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: hash, mustChangePassword: false, passwordChangedAt: now, failedSignIns: 0 },
      select: { id: true },
    });
    const sessionsEnded = await revokeSessions(tx, user.id, now, user.sessionId);
    await recordAudit(tx, {
      actor: { id: user.id, label: row.displayName },
      action: "auth.password_change",
      entityType: "User",
      entityId: user.id,
      authorityId: row.authorityId,
      after: { sessionsEnded, ip },
    });
    return { ok: true, data: { changed: true } };
  });
}
