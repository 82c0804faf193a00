import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import type { SecurityPolicyValues } from "../policy";
import { revokeSessions } from "../sessions/mutations";

/**
 * The sign-in protection's shared state, all in the database so that every app process sees the
 * same numbers: per-address failure counters (SignInThrottle) and per-account failure counts and
 * lockouts (columns on User). Each change is one atomic statement. The address is always
 * `ctx.clientAddress` (the one client-address rule, lib/request/client-address.ts); the actor is
 * the account tried, or — for an unknown user — the name typed.
 */
type Policy = SecurityPolicyValues;
/** The per-address counter a sign-in attempt counts in (key and window start). */
export type AttemptWindow = { key: string; start: Date };

export const windowStart = (now: Date, minutes: number) => {
  const ms = minutes * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
};

/** Counts one attempt in the window (before the password is checked); returns the count. */
export async function countAttempt(ctx: WriteContext, w: AttemptWindow): Promise<number> {
  const rows = await ctx.tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "windowStart", "count")
    VALUES (${w.key}, to_timestamp(${w.start.getTime()}::double precision / 1000) AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "SignInThrottle"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0);
}

/** A successful sign-in gives its attempt back: only failures use up an address's allowance. */
export async function releaseAttempt(ctx: WriteContext, w: AttemptWindow): Promise<void> {
  await ctx.tx.signInThrottle.updateMany({ where: { key: w.key, windowStart: w.start, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Drops windows that ended before `before`, and session rows that ended more than 30 days ago. */
export async function pruneAttempts(ctx: WriteContext, input: { before: Date }): Promise<number> {
  const monthAgo = new Date(input.before.getTime() - 30 * 24 * 3_600_000);
  await ctx.tx.userSession.deleteMany({ where: { expiresAt: { lt: monthAgo } } });
  return (await ctx.tx.signInThrottle.deleteMany({ where: { windowStart: { lt: input.before } } })).count;
}

export type FailureReason = "unknown_user" | "wrong_password" | "locked" | "disabled" | "rate_limited";

/** Audits a refused attempt that does not change any account (unknown user, locked, disabled, rate limited). */
export async function auditRefusal(
  ctx: WriteContext,
  input: { accountId: string | null; authorityId: string | null; username: string; reason: FailureReason },
) {
  const ip = ctx.clientAddress;
  const limited = input.reason === "rate_limited";
  await ctx.audit({
    action: limited ? "auth.rate_limited" : "auth.sign_in_failed",
    entityType: limited ? "ClientAddress" : "User",
    entityId: limited ? ip : (input.accountId ?? "-"),
    authorityId: input.authorityId,
    after: { reason: input.reason, username: input.username.slice(0, 64), ip, at: ctx.now.toISOString() },
  });
}

/**
 * A wrong password for an existing account (ctx.actor): one more failure, and at the policy's
 * limit a lockout (the count starts again from 0 when it ends). Returns whether this attempt
 * locked the account. A wrong current password on the password-change form counts too, and its
 * lockout also ends the sessions (someone holding a session is guessing the password).
 */
export async function registerFailure(
  ctx: WriteContext,
  input: { userId: string; authorityId: string | null; username: string; policy: Policy; action?: string; endSessions?: boolean },
): Promise<boolean> {
  const { userId: id, policy } = input;
  const ip = ctx.clientAddress;
  const { failedSignIns } = await ctx.tx.user.update({ where: { id }, data: { failedSignIns: { increment: 1 } }, select: { failedSignIns: true } });
  const event = { entityType: "User", entityId: id, authorityId: input.authorityId };
  await ctx.audit({
    ...event,
    action: input.action ?? "auth.sign_in_failed",
    after: { reason: "wrong_password", username: input.username, ip, failedSignIns },
  });
  if (failedSignIns < policy.maxFailedSignIns) return false;
  const lockedUntil = new Date(ctx.now.getTime() + policy.lockoutMinutes * 60_000);
  // Only the attempt that reaches the limit locks (a concurrent one finds the count already reset).
  const { count } = await ctx.tx.user.updateMany({ where: { id, failedSignIns: { gte: policy.maxFailedSignIns } }, data: { failedSignIns: 0, lockedUntil } });
  if (count === 0) return false;
  const sessionsEnded = input.endSessions ? await revokeSessions(ctx, id) : undefined;
  await ctx.audit({
    ...event,
    action: "auth.lockout",
    after: { lockedUntil: lockedUntil.toISOString(), failures: policy.maxFailedSignIns, ip, sessionsEnded },
  });
  return true;
}

/** A successful sign-in: clears the failure count and lockout, opens a session, audits both. */
export async function registerSuccess(ctx: WriteContext, input: { userId: string; authorityId: string | null; policy: Policy }): Promise<string> {
  const { userId: id, policy } = input;
  const ip = ctx.clientAddress;
  await ctx.tx.user.update({ where: { id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: ctx.now }, select: { id: true } });
  const session = await ctx.tx.userSession.create({
    data: {
      userId: id,
      createdAt: ctx.now,
      lastSeenAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + policy.sessionMaxHours * 3_600_000),
      idleMinutes: policy.idleTimeoutMinutes,
      ip: ip.slice(0, 64),
    },
    select: { id: true },
  });
  await ctx.audit({ action: "auth.sign_in", entityType: "User", entityId: id, authorityId: input.authorityId, after: { ip, sessionId: session.id } });
  return session.id;
}
