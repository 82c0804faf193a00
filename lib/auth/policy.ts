import type { Role } from "@/lib/kernel/enums";
import type { SessionUser } from "./roles";

/**
 * THE authorization policy: who may call every server action, route handler and page loader.
 * One row per exported action and per page loader (every exported `load*` of lib/**\/loaders.ts),
 * by its function name, and per route handler ("METHOD /path", the path as the app/ folder spells
 * it, route groups left out). Actions and routes gate themselves with `authorize(<row>)`, loaders
 * with `requirePolicy(<row>)` as their first step (lib/auth/gates.ts); a page that only needs to
 * know whether to show a control asks `may(user, <row>)`.
 * tests/integration/authorization-matrix.test.ts finds every action, route and loader in the code,
 * fails when one has no row here (or a row names nothing), and calls each one as every kind of user.
 *
 * A rule is
 *  - "public":    anyone, signed out too;
 *  - "signed-in": any signed-in person, even one whose password change is still pending;
 *  - a map role → authority rule; roles not listed are refused (FORBIDDEN; a page: 403), a
 *    signed-out caller UNAUTHENTICATED (a page: to the sign-in page), a pending password change
 *    FORBIDDEN (a page: to the password page). The authority rule says on what:
 *      "any"      every authority (ministry-wide, or the action has no authority at all);
 *      "own"      only the officer's own authority: another authority's records are refused or not
 *                 found (enforced by the AuthorityScope from getAuthorityScope / requireAuthorityScope
 *                 and the data layer);
 *      "assigned" an expert, only on applications assigned to them without a conflict;
 *      "self"     only the caller's own records (an expert's declared affiliations, one's own account).
 * See docs/decisions/0040-authorization-policy.md.
 */
type AuthorityRule = "any" | "own" | "assigned" | "self";
export type RoleRules = Readonly<Partial<Record<Role, AuthorityRule>>>;
export type Rule = "public" | "signed-in" | RoleRules;

// ── Who: the groups the table is made of ────────────────────────────────────────────────────────
/** Registry records (schools, their majors and dated changes, imports): provinces for their own authority, the ministry for all. */
const SCHOOL_WRITE = { MINISTRY_ADMIN: "any", MINISTRY_STAFF: "any", PROVINCE_OFFICER: "own" } as const satisfies RoleRules;
/** …and the auditor reads them. */
const SCHOOL_READ = { ...SCHOOL_WRITE, AUDITOR: "any" } as const satisfies RoleRules;
/** 三员: the system administrator manages accounts, the security administrator the policy, the audit administrator (and auditor) read the audit log. */
const ACCOUNTS = { SYSTEM_ADMIN: "any" } as const satisfies RoleRules;
/** Requests about privileged accounts: the system administrator asks; the security administrator or another system administrator decides (docs/decisions/0052). */
const ACCOUNT_APPROVERS = { SECURITY_ADMIN: "any", SYSTEM_ADMIN: "any" } as const satisfies RoleRules;
const SECURITY_POLICY = { SECURITY_ADMIN: "any" } as const satisfies RoleRules;
const AUDIT_READ = { AUDIT_ADMIN: "any", AUDITOR: "any" } as const satisfies RoleRules;
/** Quality selection: batch set-up is the ministry administrator's; the later steps any ministry user's. */
const MINISTRY_ADMIN = { MINISTRY_ADMIN: "any" } as const satisfies RoleRules;
const MINISTRY = { MINISTRY_ADMIN: "any", MINISTRY_STAFF: "any" } as const satisfies RoleRules;
/** …and the auditor follows every step on the selection pages, read-only. */
const SELECTION_VIEW = { ...MINISTRY, AUDITOR: "any" } as const satisfies RoleRules;
/** Applying and recommending: the province officer, for their own authority's schools. */
const APPLICANT = { PROVINCE_OFFICER: "own" } as const satisfies RoleRules;
/** One application: the ministry and the auditor, and the applying authority's officer… */
const APPLICATION_READ = { ...SELECTION_VIEW, PROVINCE_OFFICER: "own" } as const satisfies RoleRules;
/** …and its evidence files also an expert assigned to it. */
const EVIDENCE_READ = { ...APPLICATION_READ, EXPERT: "assigned" } as const satisfies RoleRules;
/** Reviewing: the expert holding the assignment (no conflict). */
const REVIEWER = { EXPERT: "assigned" } as const satisfies RoleRules;
const EXPERT_SELF = { EXPERT: "self" } as const satisfies RoleRules;
/** Every role, on their own records (their own account); a pending password change still only reaches the password page. */
const EVERY_ROLE = {
  MINISTRY_ADMIN: "self",
  MINISTRY_STAFF: "self",
  PROVINCE_OFFICER: "self",
  EXPERT: "self",
  AUDITOR: "self",
  SYSTEM_ADMIN: "self",
  SECURITY_ADMIN: "self",
  AUDIT_ADMIN: "self",
} as const satisfies RoleRules;
/** Open-data API keys (docs/decisions/0085): every account its own; the ministry and security administrators every account's (to see and revoke). */
const API_KEYS = { ...EVERY_ROLE, MINISTRY_ADMIN: "any", SECURITY_ADMIN: "any" } as const satisfies RoleRules;
/** The console home: the registry figures in the caller's scope (as SCHOOL_READ); the others their inbox (lib/inbox). */
const CONSOLE_HOME = { ...EVERY_ROLE, ...SCHOOL_READ } as const satisfies RoleRules;

// ── What: every page loader, action and route ──────────────────────────────────────────────────
export const POLICY = {
  // Public pages (lib/public, lib/stats, lib/progress, lib/opendata, lib/verify, lib/selection/notice, lib/school-changes)
  loadNationalOverview: "public",
  loadPublicSearch: "public",
  loadPublicSchoolPage: "public",
  loadLineage: "public",
  loadProgress: "public",
  loadDataPage: "public",
  loadVerifyPage: "public",
  loadPublicNotices: "public",
  loadPublicNotice: "public",
  // Sign-in, language (lib/auth/actions.ts, lib/i18n/actions.ts)
  signInAction: "public",
  signOutAction: "public",
  setLocaleAction: "public",
  // The console home (lib/stats/console-loaders.ts)
  loadConsoleHome: CONSOLE_HOME,
  // The home's inbox (lib/inbox): every role its own work; each item only where its page lets the caller in
  loadInbox: CONSOLE_HOME,
  // Own account (lib/accounts): the password page and its actions also while a password change is pending
  loadPasswordPage: "signed-in",
  changeOwnPasswordAction: "signed-in",
  signOutEverywhereAction: "signed-in",
  loadOwnAccount: EVERY_ROLE,
  setOwnEmailAction: EVERY_ROLE,
  // Open-data API keys (lib/api-keys): each account issues its own; "any" rows also see and revoke others' (lib/api-keys/rules.ts)
  loadApiKeys: API_KEYS,
  issueApiKeyAction: EVERY_ROLE,
  revokeApiKeyAction: API_KEYS,
  // Webhook subscriptions (lib/webhooks): each account registers and manages its own (docs/decisions/0083)
  loadWebhooks: EVERY_ROLE,
  createWebhookAction: EVERY_ROLE,
  setWebhookEnabledAction: EVERY_ROLE,
  deleteWebhookAction: EVERY_ROLE,
  pingWebhookAction: EVERY_ROLE,
  // In-app notifications (lib/notifications): each account sees and marks only its own (docs/decisions/0068)
  loadNotifications: EVERY_ROLE,
  loadUnreadCount: EVERY_ROLE,
  markNotificationReadAction: EVERY_ROLE,
  markAllNotificationsReadAction: EVERY_ROLE,
  // Accounts and security policy (lib/accounts)
  loadAccountList: ACCOUNTS,
  loadNewAccountForm: ACCOUNTS,
  loadAccount: ACCOUNTS,
  loadSecurityPolicy: SECURITY_POLICY,
  createAccountAction: ACCOUNTS,
  setAccountDisabledAction: ACCOUNTS,
  resetAccountPasswordAction: ACCOUNTS,
  endAccountSessionsAction: ACCOUNTS,
  setAccountEmailAction: ACCOUNTS,
  updateSecurityPolicyAction: SECURITY_POLICY,
  // Dual control of privileged accounts (lib/accounts/requests): the rule of who decides which request is lib/accounts/dual-control.ts
  loadAccountRequests: ACCOUNT_APPROVERS,
  requestAccountCreationAction: ACCOUNTS,
  requestAccountChangeAction: ACCOUNTS,
  cancelAccountRequestAction: ACCOUNTS,
  approveAccountRequestAction: ACCOUNT_APPROVERS,
  rejectAccountRequestAction: ACCOUNT_APPROVERS,
  // Schools (lib/schools, lib/school-changes, lib/school-majors)
  loadSchoolList: SCHOOL_READ,
  // Data quality (lib/quality): the officer's own authority, the ministry every one (docs/decisions/0061)
  loadQuality: SCHOOL_WRITE,
  loadQualityList: SCHOOL_WRITE,
  "GET /console/quality/export": SCHOOL_WRITE,
  // Annual confirmation (lib/campaigns, docs/decisions/0066): the ministry administrator opens and closes; officers confirm their own records
  loadCampaign: SCHOOL_WRITE,
  loadConfirmationFlag: "public",
  "GET /console/campaign/report": SCHOOL_WRITE,
  openCampaignAction: MINISTRY_ADMIN,
  closeCampaignAction: MINISTRY_ADMIN,
  confirmCampaignRecordsAction: SCHOOL_WRITE,
  loadSchoolPage: SCHOOL_READ,
  loadSchoolMajorsPage: SCHOOL_READ,
  loadNewSchoolForm: SCHOOL_WRITE,
  loadSchoolEdit: SCHOOL_WRITE,
  loadStatusPage: SCHOOL_WRITE,
  loadTierPage: SCHOOL_WRITE,
  loadRenamePage: SCHOOL_WRITE,
  createSchoolAction: SCHOOL_WRITE,
  updateSchoolAction: SCHOOL_WRITE,
  confirmSchoolAction: SCHOOL_WRITE,
  changeStatusAction: SCHOOL_WRITE,
  changeTierAction: SCHOOL_WRITE,
  renameAction: SCHOOL_WRITE,
  addSchoolMajorAction: SCHOOL_WRITE,
  changeSchoolMajorStatusAction: SCHOOL_WRITE,
  // Import and export (lib/imports, lib/exports)
  loadImportsPage: SCHOOL_WRITE,
  commitImportAction: SCHOOL_WRITE,
  "GET /console/imports/template": SCHOOL_WRITE,
  "POST /console/imports/upload": SCHOOL_WRITE,
  "GET /console/schools/export": SCHOOL_READ,
  // Open data (lib/opendata/actions.ts)
  publishReleaseAction: MINISTRY_ADMIN,
  // Quality selection: batches, the dashboard (lib/selection/batches, lib/progress)
  loadBatchList: SELECTION_VIEW,
  loadBatchOverview: SELECTION_VIEW,
  loadProgressDashboard: SELECTION_VIEW,
  loadNewBatchForm: MINISTRY_ADMIN,
  createBatchAction: MINISTRY_ADMIN,
  updateBatchAction: MINISTRY_ADMIN,
  saveIndicatorsAction: MINISTRY_ADMIN,
  saveQuotasAction: MINISTRY_ADMIN,
  openBatchAction: MINISTRY_ADMIN,
  cancelBatchAction: MINISTRY_ADMIN,
  startReviewAction: MINISTRY,
  finishReviewAction: MINISTRY,
  // Applications (lib/selection/applications, attachment routes)
  loadApplyHome: APPLICANT,
  loadAuthorityBatch: APPLICANT,
  loadNewApplication: APPLICANT,
  loadApplication: APPLICATION_READ,
  createApplicationAction: APPLICANT,
  saveApplicationAction: APPLICANT,
  submitApplicationAction: APPLICANT,
  reopenApplicationAction: APPLICANT,
  withdrawApplicationAction: APPLICANT,
  saveRecommendationsAction: APPLICANT,
  removeAttachmentAction: APPLICANT,
  "POST /console/selection/applications/[id]/attachments": APPLICANT,
  "GET /console/selection/attachments/[id]": EVIDENCE_READ,
  // Reviews (lib/selection/reviews, lib/selection/results)
  loadBatchReview: SELECTION_VIEW,
  loadMyReviews: EXPERT_SELF,
  loadReview: REVIEWER,
  assignExpertAction: MINISTRY,
  withdrawAssignmentAction: MINISTRY,
  saveReviewAction: REVIEWER,
  declareAffiliationAction: EXPERT_SELF,
  // Results, notice, announcement (lib/selection/results, lib/selection/notice)
  loadBatchResults: SELECTION_VIEW,
  loadNoticeAdmin: SELECTION_VIEW,
  setCutLineAction: MINISTRY,
  decideAction: MINISTRY,
  decideByCutLineAction: MINISTRY,
  publishNoticeAction: MINISTRY,
  resolveObjectionAction: MINISTRY,
  announceAction: MINISTRY,
  designationStepAction: MINISTRY,
  // The public's objection during the notice period (limited per address in the mutation)
  lodgeObjectionAction: "public",
  // Public error reports (lib/error-reports, docs/decisions/0063): anyone files (limited per address and school in the mutation) and checks by code; the school's authority triages
  loadErrorReportForm: "public",
  loadErrorReportStatus: "public",
  fileErrorReportAction: "public",
  loadErrorReports: SCHOOL_WRITE,
  loadErrorReport: SCHOOL_WRITE,
  declineErrorReportAction: SCHOOL_WRITE,
  // Audit log (lib/audit)
  loadAuditLog: AUDIT_READ,
  "GET /console/audit/export": AUDIT_READ,
  // Sign-in endpoints of Auth.js
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  // Health (not rate-limited: docs/decisions/0051), open data API and feeds: public, read-only, rate-limited (lib/opendata/http.ts)
  "GET /api/health": "public",
  "GET /api/v1/changes": "public",
  "OPTIONS /api/v1/changes": "public",
  "GET /api/v1/designations": "public",
  "OPTIONS /api/v1/designations": "public",
  "GET /api/v1/keys": "public",
  "OPTIONS /api/v1/keys": "public",
  "GET /api/v1/keys/[file]": "public",
  "OPTIONS /api/v1/keys/[file]": "public",
  "GET /api/v1/majors": "public",
  "OPTIONS /api/v1/majors": "public",
  "GET /api/v1/openapi.json": "public",
  "OPTIONS /api/v1/openapi.json": "public",
  "GET /api/v1/progress": "public",
  "OPTIONS /api/v1/progress": "public",
  "GET /api/v1/releases": "public",
  "OPTIONS /api/v1/releases": "public",
  "GET /api/v1/releases/[slug]/[file]": "public",
  "OPTIONS /api/v1/releases/[slug]/[file]": "public",
  "GET /api/v1/schools": "public",
  "OPTIONS /api/v1/schools": "public",
  "GET /api/v1/schools/[id]": "public",
  "OPTIONS /api/v1/schools/[id]": "public",
  "GET /api/v1/verify/[code]": "public",
  "OPTIONS /api/v1/verify/[code]": "public",
  "GET /api/v1/verify/[code]/status": "public",
  "OPTIONS /api/v1/verify/[code]/status": "public",
  "GET /feeds/authorities/[file]": "public",
  "OPTIONS /feeds/authorities/[file]": "public",
  "GET /feeds/changes.atom": "public",
  "OPTIONS /feeds/changes.atom": "public",
  "GET /feeds/schools/[file]": "public",
  "OPTIONS /feeds/schools/[file]": "public",
  // Linked data for search engines (lib/linked-data): public, read-only
  "GET /sitemap.xml": "public",
  "GET /sitemaps/[file]": "public",
  // The data dictionary's downloads (lib/opendata/dictionary): public, read-only
  "GET /data/dictionary/[file]": "public",
} as const satisfies Record<string, Rule>;

export type PolicyName = keyof typeof POLICY;
type RouteName = Extract<PolicyName, `${string} /${string}`>;
/** Rows of page loaders (`requirePolicy`). */
export type LoaderName = Extract<PolicyName, `load${string}`>;
/** Rows of server actions (`defineAction`, `authorize`). */
export type ActionName = Exclude<PolicyName, RouteName | LoaderName>;
/** Names whose rule is a role map (the ones `authorize` and `requirePolicy` gate). */
export type GatedName = { [K in PolicyName]: (typeof POLICY)[K] extends RoleRules ? K : never }[PolicyName];
export type SignedInName = { [K in PolicyName]: (typeof POLICY)[K] extends "signed-in" ? K : never }[PolicyName];

/**
 * May this person call that row? The one reading of a row, used by the gates (lib/auth/gates.ts)
 * and by pages deciding whether to show a control (the action gates again when it is used).
 * A pending password change passes only "public" and "signed-in" rows.
 */
export function may(user: SessionUser | null, name: PolicyName): boolean {
  const rule: Rule = POLICY[name];
  if (rule === "public") return true;
  if (!user) return false;
  if (rule === "signed-in") return true;
  return !user.mustChangePassword && Object.hasOwn(rule, user.role);
}
