import type { Role } from "@/lib/db/enums";

/**
 * Who may record changes of a school: province officers (their own authority, enforced by the
 * scope) and the ministry (all). Experts and auditors never write; auditors may read.
 */
export const WRITER_ROLES = ["MINISTRY_ADMIN", "MINISTRY_STAFF", "PROVINCE_OFFICER"] as const satisfies readonly Role[];
export const READER_ROLES = [...WRITER_ROLES, "AUDITOR"] as const satisfies readonly Role[];

export function canWrite(role: Role): boolean {
  return (WRITER_ROLES as readonly Role[]).includes(role);
}
