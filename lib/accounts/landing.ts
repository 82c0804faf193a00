import "server-only";
import type { Role } from "@/lib/kernel/enums";
import { findUserForSignIn } from "./data";

/** Where each role starts: the 三员 have no registry data, so they land on their own page. */
const LANDING: Partial<Record<Role, string>> = {
  SYSTEM_ADMIN: "/console/accounts",
  SECURITY_ADMIN: "/console/security-policy",
  AUDIT_ADMIN: "/console/audit",
};

export const PASSWORD_PAGE = "/console/account/password";

export function landingFor(user: { role: Role; mustChangePassword?: boolean }): string {
  if (user.mustChangePassword) return PASSWORD_PAGE;
  return LANDING[user.role] ?? "/console";
}

/** Right after a successful sign-in (the new session cookie is not readable in the same request). */
export async function landingAfterSignIn(username: string): Promise<string> {
  const user = await findUserForSignIn(username);
  return user ? landingFor(user) : "/console";
}
