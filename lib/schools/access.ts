import type { Role } from "@/lib/kernel/enums";
import { rolesFor } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Who may see and change school records in the console: province officers (their own authority,
 * enforced by the scope) and the ministry (all); auditors read everything; experts see none.
 * The lists come from the policy table (lib/auth/policy.ts), for the pages; actions use authorize().
 */
export const SCHOOL_WRITERS = rolesFor("updateSchoolAction");
export const SCHOOL_READERS = rolesFor("GET /console/schools/export");

export function canWriteSchools(role: Role): boolean {
  return (SCHOOL_WRITERS as readonly Role[]).includes(role);
}

/** How a signed-in person is named in the audit log. */
export function actorOf(user: SessionUser) {
  return { id: user.id, label: user.displayName || user.username };
}
