import "server-only";
import { fieldFailure } from "./field-failure";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db/client";
import type { Role } from "@/lib/kernel/enums";
import { getSecurityPolicy } from "./data";
import { DEFAULT_POLICY, POLICY_FIELDS, type SecurityPolicyValues } from "./policy";
import type { CreateAccountInput } from "./schema";
import { dutyConflict } from "./separation";
import { revokeSessions } from "./sessions/mutations";
import { temporaryPassword } from "./temp-password";

/**
 * Account administration (the system administrator) and the security policy (the security
 * administrator). Each write is one transaction with its audit event. Accounts are never deleted:
 * they are disabled. Person identifiers and passwords never enter the audit log.
 */
type Actor = { id: string; label: string };

async function newTemporaryPassword() {
  const policy = await getSecurityPolicy();
  const plain = temporaryPassword(Math.max(16, policy.passwordMinLength));
  return { plain, hash: await hashPassword(plain) };
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

export async function createAccount(
  actor: Actor,
  input: CreateAccountInput,
): Promise<ActionResult<{ id: string; username: string; temporaryPassword: string }>> {
  const temp = await newTemporaryPassword();
  try {
    return await db().$transaction(async (tx) => {
      const conflict = await personDutyConflict(tx, input.personId, input.role);
      if (conflict) return fieldFailure("personId", "dutyConflict", { role: conflict.heldRole });
      if (input.authorityId && !(await tx.authority.findUnique({ where: { id: input.authorityId }, select: { id: true } }))) {
        return fieldFailure("authorityId", "choose");
      }
      const schools = input.affiliations.length
        ? await tx.school.findMany({ where: { publicCode: { in: input.affiliations } }, select: { id: true, publicCode: true } })
        : [];
      const unknown = input.affiliations.filter((c) => !schools.some((s) => s.publicCode === c));
      if (unknown.length) return fieldFailure("affiliations", "schoolCodeUnknown", { codes: unknown.join(", ") });

      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          authorityId: input.authorityId,
          personId: input.personId,
          passwordHash: temp.hash,
          mustChangePassword: true,
          createdById: actor.id,
        },
        select: { id: true, username: true },
      });
      if (schools.length) {
        await tx.expertAffiliation.createMany({ data: schools.map((s) => ({ expertId: user.id, schoolId: s.id, note: "account" })) });
      }
      await recordAudit(tx, {
        actor,
        action: "account.create",
        entityType: "User",
        entityId: user.id,
        authorityId: input.authorityId,
        after: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          authorityId: input.authorityId,
          personIdSet: !!input.personId,
          affiliations: schools.map((s) => s.id),
        },
      });
      return { ok: true, data: { id: user.id, username: user.username, temporaryPassword: temp.plain } } as const;
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return fieldFailure("username", "usernameTaken", undefined, "DUPLICATE");
    throw e;
  }
}

/** Disable (sessions end at once) or enable an account. An administrator cannot disable themself. */
export async function setAccountDisabled(actor: Actor, id: string, disabled: boolean, now: Date): Promise<ActionResult<{ id: string; disabled: boolean }>> {
  if (id === actor.id) return { ok: false, code: "FORBIDDEN", detail: { reason: "SELF" } };
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { disabled: true, authorityId: true } });
    if (!before) return { ok: false, code: "NOT_FOUND" };
    if (before.disabled === disabled) return { ok: true, data: { id, disabled } };
    await tx.user.update({ where: { id }, data: { disabled }, select: { id: true } });
    const sessions = disabled ? await revokeSessions(tx, id, now) : 0;
    await recordAudit(tx, {
      actor,
      action: disabled ? "account.disable" : "account.enable",
      entityType: "User",
      entityId: id,
      authorityId: before.authorityId,
      before: { disabled: before.disabled },
      after: { disabled, ...(disabled ? { sessionsEnded: sessions } : {}) },
    });
    return { ok: true, data: { id, disabled } };
  });
}

/**
 * Forced reset: a new temporary password (shown once to the administrator), a password change at
 * the next sign-in, the lockout cleared and every session ended.
 */
export async function resetAccountPassword(actor: Actor, id: string, now: Date): Promise<ActionResult<{ id: string; temporaryPassword: string }>> {
  if (id === actor.id) return { ok: false, code: "FORBIDDEN", detail: { reason: "SELF" } };
  const temp = await newTemporaryPassword();
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { authorityId: true } });
    if (!user) return { ok: false, code: "NOT_FOUND" };
    await tx.user.update({
      where: { id },
      data: { passwordHash: temp.hash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null, passwordChangedAt: now },
      select: { id: true },
    });
    const sessions = await revokeSessions(tx, id, now);
    await recordAudit(tx, {
      actor,
      action: "account.password_reset",
      entityType: "User",
      entityId: id,
      authorityId: user.authorityId,
      after: { mustChangePassword: true, sessionsEnded: sessions },
    });
    return { ok: true, data: { id, temporaryPassword: temp.plain } };
  });
}

/** The security administrator saves the policy; the audit event holds the changed values. */
export async function updateSecurityPolicy(actor: Actor, values: SecurityPolicyValues): Promise<ActionResult<{ changed: number }>> {
  return db().$transaction(async (tx) => {
    const row = await tx.securityPolicy.findUnique({ where: { id: "default" } });
    // (Inside the transaction only `tx`: the stored row, or the baseline.)
    const current: SecurityPolicyValues = row ?? DEFAULT_POLICY;
    const changed = POLICY_FIELDS.filter((k) => current[k] !== values[k]);
    if (!changed.length) return { ok: true, data: { changed: 0 } };
    await tx.securityPolicy.upsert({
      where: { id: "default" },
      create: { id: "default", ...values, updatedById: actor.id },
      update: { ...values, updatedById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "security_policy.update",
      entityType: "SecurityPolicy",
      entityId: "default",
      before: Object.fromEntries(changed.map((k) => [k, current[k]])),
      after: Object.fromEntries(changed.map((k) => [k, values[k]])),
    });
    return { ok: true, data: { changed: changed.length } };
  });
}
