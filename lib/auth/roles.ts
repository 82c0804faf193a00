import type { Role } from "@/lib/db/enums";

export type { Role };

export const roles = ["MINISTRY_ADMIN", "MINISTRY_STAFF", "EXPERT", "PROVINCE_OFFICER", "AUDITOR"] as const satisfies readonly Role[];

/** Roles that see every authority's data. */
export const MINISTRY_ROLES = ["MINISTRY_ADMIN", "MINISTRY_STAFF"] as const satisfies readonly Role[];

export function isMinistry(role: Role): boolean {
  return (MINISTRY_ROLES as readonly Role[]).includes(role);
}

/** The signed-in person as the gates see them (from the session token). */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  authorityId: string | null;
};
