import type { Role } from "@/lib/kernel/enums";
import { rolesFor } from "./policy";

export type { Role };

export const roles = [
  "MINISTRY_ADMIN",
  "MINISTRY_STAFF",
  "EXPERT",
  "PROVINCE_OFFICER",
  "AUDITOR",
  "SYSTEM_ADMIN",
  "SECURITY_ADMIN",
  "AUDIT_ADMIN",
] as const satisfies readonly Role[];

/** Roles that see every authority's data. */
export const MINISTRY_ROLES = ["MINISTRY_ADMIN", "MINISTRY_STAFF"] as const satisfies readonly Role[];

/**
 * 三员: system administrator (accounts), security administrator (policy), audit administrator (audit
 * log; the auditor keeps read access). The pages' role lists, taken from the policy table's rows.
 */
export const ACCOUNT_ADMINS = rolesFor("createAccountAction");
export const POLICY_ADMINS = rolesFor("updateSecurityPolicyAction");
export const AUDIT_READERS = rolesFor("GET /console/audit/export");

export function isMinistry(role: Role): boolean {
  return (MINISTRY_ROLES as readonly Role[]).includes(role);
}

/** The signed-in person as the gates see them (from the session row, checked on every request). */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  authorityId: string | null;
  /** The UserSession row behind the token (absent only in unit tests' mocked sessions). */
  sessionId?: string;
  /** Set by an administrator's reset or on a new account: every gate but the password page refuses. */
  mustChangePassword?: boolean;
};
