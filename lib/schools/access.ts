import type { Role } from "@/lib/db/enums";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Who may see and change school records in the console: province officers (their own authority,
 * enforced by the scope) and the ministry (all); auditors read everything; experts see none.
 */
export const SCHOOL_WRITERS = ["PROVINCE_OFFICER", "MINISTRY_ADMIN", "MINISTRY_STAFF"] as const satisfies readonly Role[];
export const SCHOOL_READERS = [...SCHOOL_WRITERS, "AUDITOR"] as const satisfies readonly Role[];

export function canWriteSchools(role: Role): boolean {
  return (SCHOOL_WRITERS as readonly Role[]).includes(role);
}

/** How a signed-in person is named in the audit log. */
export function actorOf(user: SessionUser) {
  return { id: user.id, label: user.displayName || user.username };
}
