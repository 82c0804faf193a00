import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import type { SecurityPolicyValues } from "../policy";
import { revokeSessions } from "../sessions/mutations";

/**
 * The sign-in protection's shared state, all in the database so that every app process sees the
 * same numbers: per-address failure counters (SignInThrottle) and per-account failure counts and
 * lockouts (columns on User). Each change is one atomic statement.
 */
type Policy = SecurityPolicyValues;
type Account = { id: string; displayName: string; authorityId: string | null };

export const windowStart = (now: Date, minutes: number) => {
  const ms = minutes * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
};

/** Counts one attempt from `key` in the current window (before the password is checked); returns the count. */
export async function countAttempt(key: string, start: Date): Promise<number> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(${start.getTime()}::double precision / 1000) AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "SignInThrottle"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0);
}

/** A successful sign-in gives its attempt back: only failures use up an address's allowance. */
export async function releaseAttempt(key: string, start: Date): Promise<void> {
  await db().signInThrottle.updateMany({ where: { key, windowStart: start, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Drops windows that ended before `before`, and session rows that ended more than 30 days ago. */
export async function pruneAttempts(before: Date): Promise<number> {
  const monthAgo = new Date(before.getTime() - 30 * 24 * 3_600_000);
  await db().userSession.deleteMany({ where: { expiresAt: { lt: monthAgo } } });
  return (await db().signInThrottle.deleteMany({ where: { windowStart: { lt: before } } })).count;
}

export type FailureReason = "unknown_user" | "wrong_password" | "locked" | "disabled" | "rate_limited" | "invalid_input";

/** Audits a refused attempt that does not change any account (unknown user, locked, disabled, rate limited). */
export async function auditRefusal(account: Account | null, username: string, reason: FailureReason, ip: string, now: Date) {
  await db().$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: account ? { id: account.id, label: account.displayName } : { id: null, label: username.slice(0, 64) || "-" },
      action: reason === "rate_limited" ? "auth.rate_limited" : "auth.sign_in_failed",
      entityType: reason === "rate_limited" ? "ClientAddress" : "User",
      entityId: reason === "rate_limited" ? ip : (account?.id ?? "-"),
      authorityId: account?.authorityId ?? null,
      after: { reason, username: username.slice(0, 64), ip, at: now.toISOString() },
    });
  });
}

/**
 * A wrong password for an existing account: one more failure, and at the policy's limit a lockout
 * (the count starts again from 0 when it ends). Returns whether this attempt locked the account.
 */
export async function registerFailure(
  account: Account,
  username: string,
  ip: string,
  policy: Policy,
  now: Date,
  // A wrong current password on the password-change form counts too, and its lockout also ends
  // the sessions (someone holding a session is guessing the password).
  opts: { action?: string; endSessions?: boolean } = {},
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { failedSignIns } = await tx.user.update({ where: { id: account.id }, data: { failedSignIns: { increment: 1 } }, select: { failedSignIns: true } });
    const actor = { id: account.id, label: account.displayName };
    await recordAudit(tx, {
      actor,
      action: opts.action ?? "auth.sign_in_failed",
      entityType: "User",
      entityId: account.id,
      authorityId: account.authorityId,
      after: { reason: "wrong_password", username, ip, failedSignIns },
    });
    if (failedSignIns < policy.maxFailedSignIns) return false;
    const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    // Only the attempt that reaches the limit locks (a concurrent one finds the count already reset).
    const { count } = await tx.user.updateMany({
      where: { id: account.id, failedSignIns: { gte: policy.maxFailedSignIns } },
      data: { failedSignIns: 0, lockedUntil },
    });
    if (count === 0) return false;
    const sessionsEnded = opts.endSessions ? await revokeSessions(tx, account.id, now) : undefined;
    await recordAudit(tx, {
      actor,
      action: "auth.lockout",
      entityType: "User",
      entityId: account.id,
      authorityId: account.authorityId,
      after: { lockedUntil: lockedUntil.toISOString(), failures: policy.maxFailedSignIns, ip, sessionsEnded },
    });
    return true;
  });
}

/** A successful sign-in: clears the failure count and lockout, opens a session, audits both. */
export async function registerSuccess(account: Account, ip: string, policy: Policy, now: Date): Promise<string> {
  return db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: account.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
      select: { id: true },
    });
    const session = await tx.userSession.create({
      data: {
        userId: account.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + policy.sessionMaxHours * 3_600_000),
        idleMinutes: policy.idleTimeoutMinutes,
        ip: ip.slice(0, 64),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { id: account.id, label: account.displayName },
      action: "auth.sign_in",
      entityType: "User",
      entityId: account.id,
      authorityId: account.authorityId,
      after: { ip, sessionId: session.id },
    });
    return session.id;
  });
}
