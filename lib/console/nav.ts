import { may, type LoaderName } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Console navigation. Each link names the policy row of the loader its page gates with
 * (lib/auth/policy.ts), so a link is shown exactly to those the page lets in. Showing a link is a
 * convenience; every page gates itself.
 */
export type NavItem = { href: string; labelKey: string; page: LoaderName };

export const consoleNav: NavItem[] = [
  { href: "/console", labelKey: "nav.consoleHome", page: "loadConsoleHome" },
  { href: "/console/schools", labelKey: "nav.schools", page: "loadSchoolList" },
  { href: "/console/quality", labelKey: "nav.quality", page: "loadQuality" },
  { href: "/console/imports", labelKey: "nav.imports", page: "loadImportsPage" },
  { href: "/console/selection", labelKey: "nav.selectionAdmin", page: "loadBatchList" },
  { href: "/console/selection/apply", labelKey: "nav.selectionApply", page: "loadApplyHome" },
  { href: "/console/selection/reviews", labelKey: "nav.selectionReviews", page: "loadMyReviews" },
  // 三员分立: each of the three administrators has one area; auditors also read the audit log.
  { href: "/console/accounts", labelKey: "nav.accounts", page: "loadAccountList" },
  // Dual control: requests about privileged accounts, for those who file and those who decide them.
  { href: "/console/accounts/requests", labelKey: "nav.accountRequests", page: "loadAccountRequests" },
  { href: "/console/security-policy", labelKey: "nav.securityPolicy", page: "loadSecurityPolicy" },
  { href: "/console/audit", labelKey: "nav.audit", page: "loadAuditLog" },
  { href: "/console/account", labelKey: "nav.myAccount", page: "loadOwnAccount" },
];

export function navFor(user: SessionUser): NavItem[] {
  return consoleNav.filter((i) => may(user, i.page));
}
