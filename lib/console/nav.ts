import type { Role } from "@/lib/kernel/enums";

/** Console navigation by role. Showing a link is a convenience; every page gates itself. */
export type NavItem = { href: string; labelKey: string; roles: readonly Role[] };

const ALL: readonly Role[] = ["MINISTRY_ADMIN", "MINISTRY_STAFF", "EXPERT", "PROVINCE_OFFICER", "AUDITOR"];

export const consoleNav: NavItem[] = [
  { href: "/console", labelKey: "nav.consoleHome", roles: ALL },
  // Auditors read the school pages; the pages hide every write control from them.
  { href: "/console/schools", labelKey: "nav.schools", roles: ["PROVINCE_OFFICER", "MINISTRY_ADMIN", "MINISTRY_STAFF", "AUDITOR"] },
  { href: "/console/imports", labelKey: "nav.imports", roles: ["PROVINCE_OFFICER", "MINISTRY_ADMIN", "MINISTRY_STAFF"] },
  { href: "/console/selection", labelKey: "nav.selectionAdmin", roles: ["MINISTRY_ADMIN", "MINISTRY_STAFF", "AUDITOR"] },
  { href: "/console/selection/apply", labelKey: "nav.selectionApply", roles: ["PROVINCE_OFFICER"] },
  { href: "/console/selection/reviews", labelKey: "nav.selectionReviews", roles: ["EXPERT"] },
  // 三员分立: each of the three administrators has one area; auditors also read the audit log.
  { href: "/console/accounts", labelKey: "nav.accounts", roles: ["SYSTEM_ADMIN"] },
  { href: "/console/security-policy", labelKey: "nav.securityPolicy", roles: ["SECURITY_ADMIN"] },
  { href: "/console/audit", labelKey: "nav.audit", roles: ["AUDIT_ADMIN", "AUDITOR"] },
  {
    href: "/console/account",
    labelKey: "nav.myAccount",
    roles: [...ALL, "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"],
  },
];

export function navFor(role: Role): NavItem[] {
  return consoleNav.filter((i) => i.roles.includes(role));
}
