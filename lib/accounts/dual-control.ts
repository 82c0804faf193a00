import type { AccountRequestKind, Role } from "@/lib/kernel/enums";
import { isPrivileged, samePerson } from "./separation";

/**
 * Dual control of privileged accounts (docs/decisions/0052-dual-control-privileged-accounts.md).
 * Pure, so that the rule is tested without a database: who may request an action on a privileged
 * account, who may approve it, and how long a request waits.
 *
 * One person requests (the system administrator), another person approves (the security
 * administrator, or a system administrator who is a different person). People are compared by
 * their normalised person id, not only by account, so a second account of the same person is the
 * same person. Nobody approves a request they made or one about their own account.
 */
export type Party = { id: string | null; personId: string | null };
export type Approver = Party & { role: Role };

/** Kinds that set a password: the one-time password is split between requester and approver. */
export const PASSWORD_KINDS: readonly AccountRequestKind[] = ["CREATE", "RESET_PASSWORD"];

/** Roles that may approve: the security administrator, or another system administrator. */
export const APPROVER_ROLES: readonly Role[] = ["SECURITY_ADMIN", "SYSTEM_ADMIN"];

/** A request that nobody decides lapses after this long. */
export const REQUEST_TTL_HOURS = 72;

/** Whether an action on an account with this role must go through a request. */
export const needsDualControl = (role: Role) => isPrivileged(role);

export type RequestRefusal = "NO_PERSON" | "OWN_ACCOUNT";
export type ApprovalRefusal = "ROLE" | "NO_PERSON" | "REQUESTER" | "TARGET";

/** Why this requester may not ask for an action on this target (null: they may). */
export function requestRefusal(requester: Party, target: Party): RequestRefusal | null {
  if (!requester.personId) return "NO_PERSON";
  if (samePerson(requester, target)) return "OWN_ACCOUNT";
  return null;
}

/** Why this approver may not approve a request of `requester` about `target` (null: they may). */
export function approvalRefusal(approver: Approver, requester: Party, target: Party): ApprovalRefusal | null {
  if (!APPROVER_ROLES.includes(approver.role)) return "ROLE";
  if (!approver.personId || !requester.personId) return "NO_PERSON";
  if (samePerson(approver, requester)) return "REQUESTER";
  if (samePerson(approver, target)) return "TARGET";
  return null;
}

export function expiryOf(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + REQUEST_TTL_HOURS * 3_600_000);
}

/** A pending request past its expiry is expired, whether or not the sweep has written it yet. */
export function effectiveStatus<S extends string>(row: { status: S; expiresAt: Date }, now: Date): S | "EXPIRED" {
  return row.status === "PENDING" && row.expiresAt <= now ? "EXPIRED" : row.status;
}

/**
 * Length of each half of a split one-time password: together at least the policy's minimum (and
 * 20), each half long enough (10 characters, ~58 bits) that knowing one half does not help guess
 * the other within the lockout.
 */
export function halfLength(passwordMinLength: number): number {
  return Math.max(10, Math.ceil(passwordMinLength / 2));
}
