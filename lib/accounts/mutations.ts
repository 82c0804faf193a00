import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields } from "@/lib/errors";
import type { Role } from "@/lib/kernel/enums";
import { getSecurityPolicy } from "./data";
import { DEFAULT_POLICY, POLICY_FIELDS, type SecurityPolicyValues } from "./policy";
import type { CreateAccountInput } from "./schema";
import { needsDualControl } from "./dual-control";
import { dutyConflict } from "./separation";
import { endAllSessions, revokeSessions } from "./sessions/mutations";
import { temporaryPassword } from "./temp-password";

/**
 * Account administration (the system administrator) and the security policy (the security
 * administrator), each `(ctx, input)` in the action's transaction with its audit event. Accounts
 * are never deleted: they are disabled. Person identifiers and passwords never enter the audit log.
 * A privileged account (lib/accounts/separation.ts) is never changed here directly: that takes a
 * request and another person's approval (lib/accounts/requests), which then calls the `apply…`
 * and `insertAccount` writes below.
 */
async function newTemporaryPassword(tx: Tx) {
  const policy = await getSecurityPolicy(tx);
  const plain = temporaryPassword(Math.max(16, policy.passwordMinLength));
  return { plain, hash: await hashPassword(plain) };
}

/** An administrator acts on other accounts only: disabling or resetting oneself is refused. */
function refuseSelf(ctx: WriteContext, id: string) {
  if (id === ctx.actor.id) refuse("FORBIDDEN", { reason: "SELF" });
}

/** What a direct action on a privileged account answers: it takes a request (/console/accounts/requests). */
export function refuseDualControl(): never {
  refuse("FORBIDDEN", { reason: "DUAL_CONTROL" });
}

/** The target of a direct action: another account, and not a privileged one. */
export async function directTarget(ctx: WriteContext, id: string) {
  refuseSelf(ctx, id);
  const user = await ctx.tx.user.findUnique({ where: { id }, select: { role: true } });
  if (!user) refuse("NOT_FOUND");
  if (needsDualControl(user.role)) refuseDualControl();
}

/** 三员分立 across the person's accounts (docs/decisions/0011-separation-of-duties.md). */
export async function personDutyConflict(tx: Tx, personId: string | null, role: Role, exceptUserId?: string) {
  if (!personId) return null;
  // Two administrators creating accounts for one person at the same moment: the second waits here
  // until the first commits, then sees its account (a transaction-scoped lock per person).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`person:${personId}`}))`;
  const others = await tx.user.findMany({ where: { personId, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) }, select: { role: true } });
  return dutyConflict(
    role,
    others.map((o) => o.role),
  );
}

/** Refuses, on the person id field, an account the person's other accounts conflict with. */
export async function refuseDutyConflict(tx: Tx, personId: string | null, role: Role) {
  const conflict = await personDutyConflict(tx, personId, role);
  if (conflict) refuseFields({ personId: [{ key: "dutyConflict", params: { role: conflict.heldRole } }] });
}

/** A new (non-privileged) account with a one-time password (shown once; changed at the first sign-in). A taken username is the action's onDuplicate. */
export async function createAccount(ctx: WriteContext, input: CreateAccountInput): Promise<{ id: string; username: string; temporaryPassword: string }> {
  if (needsDualControl(input.role)) refuseDualControl();
  const temp = await newTemporaryPassword(ctx.tx);
  const user = await insertAccount(ctx, input, temp.hash);
  return { ...user, temporaryPassword: temp.plain };
}

/**
 * Writes a new account that must change its password at the first sign-in: the direct creation,
 * or an approved request (`note` names it in the audit event).
 */
export async function insertAccount(
  ctx: WriteContext,
  input: Omit<CreateAccountInput, "email"> & { email?: string | null },
  passwordHash: string,
  note: Record<string, unknown> = {},
) {
  const { tx } = ctx;
  await refuseDutyConflict(tx, input.personId, input.role);
  if (input.authorityId && !(await tx.authority.findUnique({ where: { id: input.authorityId }, select: { id: true } }))) {
    refuseFields({ authorityId: [{ key: "choose" }] });
  }
  const schools = input.affiliations.length
    ? await tx.school.findMany({ where: { publicCode: { in: input.affiliations } }, select: { id: true, publicCode: true } })
    : [];
  const unknown = input.affiliations.filter((c) => !schools.some((s) => s.publicCode === c));
  if (unknown.length) refuseFields({ affiliations: [{ key: "schoolCodeUnknown", params: { codes: unknown.join(", ") } }] });

  const { username, displayName, role, authorityId, personId } = input;
  const email = input.email ?? null;
  const user = await tx.user.create({
    data: { username, displayName, role, authorityId, personId, email, passwordHash, mustChangePassword: true, createdById: ctx.actor.id },
    select: { id: true, username: true },
  });
  if (schools.length) {
    await tx.expertAffiliation.createMany({ data: schools.map((s) => ({ expertId: user.id, schoolId: s.id, note: "account" })) });
  }
  await ctx.audit({
    action: "account.create",
    entityType: "User",
    entityId: user.id,
    authorityId,
    after: { username, displayName, role, authorityId, personIdSet: !!personId, email, affiliations: schools.map((s) => s.id), ...note },
  });
  return user;
}

/** Disable (sessions end at once) or enable an account. An administrator cannot disable themself. */
export async function setAccountDisabled(ctx: WriteContext, input: { id: string; disabled: boolean }): Promise<{ id: string; disabled: boolean }> {
  await directTarget(ctx, input.id);
  return applyDisabled(ctx, input);
}

export async function applyDisabled(ctx: WriteContext, input: { id: string; disabled: boolean }, note: Record<string, unknown> = {}) {
  const { id, disabled } = input;
  refuseSelf(ctx, id);
  const before = await ctx.tx.user.findUnique({ where: { id }, select: { disabled: true, authorityId: true } });
  if (!before) refuse("NOT_FOUND");
  if (before.disabled === disabled) return { id, disabled };
  await ctx.tx.user.update({ where: { id }, data: { disabled }, select: { id: true } });
  const sessions = disabled ? await revokeSessions(ctx, id) : 0;
  await ctx.audit({
    action: disabled ? "account.disable" : "account.enable",
    entityType: "User",
    entityId: id,
    authorityId: before.authorityId,
    before: { disabled: before.disabled },
    after: { disabled, ...(disabled ? { sessionsEnded: sessions } : {}), ...note },
  });
  return { id, disabled };
}

/**
 * Forced reset of a non-privileged account: a new temporary password (shown once to the
 * administrator), a password change at the next sign-in, the lockout cleared and every session ended.
 */
export async function resetAccountPassword(ctx: WriteContext, input: { id: string }): Promise<{ id: string; temporaryPassword: string }> {
  await directTarget(ctx, input.id);
  const temp = await newTemporaryPassword(ctx.tx);
  await applyPasswordReset(ctx, input.id, temp.hash);
  return { id: input.id, temporaryPassword: temp.plain };
}

export async function applyPasswordReset(ctx: WriteContext, id: string, passwordHash: string, note: Record<string, unknown> = {}) {
  refuseSelf(ctx, id);
  const user = await ctx.tx.user.findUnique({ where: { id }, select: { authorityId: true } });
  if (!user) refuse("NOT_FOUND");
  await ctx.tx.user.update({
    where: { id },
    data: { passwordHash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null, passwordChangedAt: ctx.now },
    select: { id: true },
  });
  const sessions = await revokeSessions(ctx, id);
  await ctx.audit({
    action: "account.password_reset",
    entityType: "User",
    entityId: id,
    authorityId: user.authorityId,
    after: { mustChangePassword: true, sessionsEnded: sessions, ...note },
  });
}

/** The system administrator signs a (non-privileged) user out of every session, e.g. a lost laptop. */
export async function endAccountSessions(ctx: WriteContext, input: { id: string }): Promise<{ ended: number }> {
  await directTarget(ctx, input.id);
  return endAllSessions(ctx, { userId: input.id });
}

/** The security administrator saves the policy; the audit event holds the changed values. */
export async function updateSecurityPolicy(ctx: WriteContext, values: SecurityPolicyValues): Promise<{ changed: number }> {
  const row = await ctx.tx.securityPolicy.findUnique({ where: { id: "default" } });
  const current: SecurityPolicyValues = row ?? DEFAULT_POLICY;
  const changed = POLICY_FIELDS.filter((k) => current[k] !== values[k]);
  if (!changed.length) return { changed: 0 };
  const updatedById = ctx.actor.id;
  await ctx.tx.securityPolicy.upsert({
    where: { id: "default" },
    create: { id: "default", ...values, updatedById },
    update: { ...values, updatedById },
    select: { id: true },
  });
  await ctx.audit({
    action: "security_policy.update",
    entityType: "SecurityPolicy",
    entityId: "default",
    before: Object.fromEntries(changed.map((k) => [k, current[k]])),
    after: Object.fromEntries(changed.map((k) => [k, values[k]])),
  });
  return { changed: changed.length };
}
