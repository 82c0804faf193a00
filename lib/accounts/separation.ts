import type { Role } from "@/lib/kernel/enums";

/**
 * 三员分立 — separation of duties between the system administrator (accounts), the security
 * administrator (security policy) and the audit administrator (reads the audit log).
 *
 * One account has exactly one role, so no ACCOUNT can hold two duties. A PERSON could still hold
 * two accounts; accounts of one person are linked by `personId` (staff or ID number), which the
 * three admin roles must carry. The rule: all accounts of one person — disabled ones included, so
 * that disabling and re-creating does not get round it — carry at most one duty.
 * The auditor (AUDITOR) reads the audit log too, so it counts as the audit duty.
 * See docs/decisions/0011-separation-of-duties.md.
 */
export type Duty = "system" | "security" | "audit";

export const DUTY_OF: Partial<Record<Role, Duty>> = {
  SYSTEM_ADMIN: "system",
  SECURITY_ADMIN: "security",
  AUDIT_ADMIN: "audit",
  AUDITOR: "audit",
};

/** Roles whose accounts must name the person behind them. */
export const PERSON_REQUIRED_ROLES = ["SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];

export function requiresPersonId(role: Role): boolean {
  return (PERSON_REQUIRED_ROLES as readonly Role[]).includes(role);
}

/**
 * The duty that a new account with `role` would conflict with, given the roles of the person's
 * other accounts; null when the combination is allowed.
 */
export function dutyConflict(newRole: Role, otherRoles: readonly Role[]): { held: Duty; requested: Duty; heldRole: Role } | null {
  const requested = DUTY_OF[newRole];
  if (!requested) return null;
  for (const r of otherRoles) {
    const held = DUTY_OF[r];
    if (held && held !== requested) return { held, requested, heldRole: r };
  }
  return null;
}

/** Normalised person identifier: no spaces, upper case (an ID number's final "x" is "X"). */
export function normalisePersonId(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}
