import { Role, valuesOf } from "@/lib/kernel/enums";

/** The eight roles, in the schema's order (the order the account pages list them in). */
export const roles = valuesOf(Role);

/** Roles that see every authority's data (who may do what is lib/auth/policy.ts). */
const MINISTRY_ROLES: readonly Role[] = ["MINISTRY_ADMIN", "MINISTRY_STAFF"];

export function isMinistry(role: Role): boolean {
  return MINISTRY_ROLES.includes(role);
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
