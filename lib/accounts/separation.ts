import type { Role } from "@/lib/kernel/enums";

/**
 * 三员分立 — separation of duties between the system administrator (accounts), the security
 * administrator (security policy) and the audit administrator (reads the audit log).
 *
 * One account has exactly one role, so no ACCOUNT can hold two duties. A PERSON could still hold
 * two accounts; accounts of one person are linked by `personId` (staff or ID number), which every
 * role the rule covers must carry (and every privileged role: dual control compares people). The
 * rule: all accounts of one person — disabled ones included, so that disabling and re-creating
 * does not get round it — carry at most one duty.
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

/**
 * Privileged roles: the three administrators, the ministry administrator and auditors. Every
 * action on such an account needs a second person (lib/accounts/dual-control.ts), and each must
 * name the person behind it, so that "a second person" can be checked at all.
 */
export const PRIVILEGED_ROLES = ["MINISTRY_ADMIN", "AUDITOR", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"] as const satisfies readonly Role[];

export function isPrivileged(role: Role): boolean {
  return (PRIVILEGED_ROLES as readonly Role[]).includes(role);
}

/** Roles whose accounts must name the person behind them: every duty the rule covers, and every privileged role. */
export function requiresPersonId(role: Role): boolean {
  return isPrivileged(role) || DUTY_OF[role] !== undefined;
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

// Spaces, dashes of every kind (hyphen, en/em dash, minus sign, the full-width and katakana
// ones) and invisible format characters: none of them makes a different person.
const IGNORED = /[\s\p{Pd}\p{Cf}\u2212\u30FC]/gu;

/**
 * Normalised person identifier: NFKC (full-width ＰＴ０００１ is PT0001), without spaces, hyphens
 * and other dashes, upper case (an ID number's final "x" is "X"). `PT-0001`, `pt 0001` and
 * `ＰＴ－０００１` are one person. Stored this way and compared this way.
 */
export function normalisePersonId(raw: string): string {
  return raw.normalize("NFKC").replace(IGNORED, "").toUpperCase();
}

/** Whether two accounts belong to one person: the same account, or the same normalised person id. */
export function samePerson(a: { id: string | null; personId: string | null }, b: { id: string | null; personId: string | null }): boolean {
  if (a.id && a.id === b.id) return true;
  return !!a.personId && !!b.personId && normalisePersonId(a.personId) === normalisePersonId(b.personId);
}
