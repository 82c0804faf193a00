import type { Role } from "@/lib/kernel/enums";

/**
 * THE authorization policy: who may call every server action and route handler.
 * One row per exported action (by its function name) and per route handler ("METHOD /path", the
 * path as the app/ folder spells it, route groups left out). Actions and routes gate themselves
 * with `authorize(<this row's name>)` (lib/auth/gates.ts); pages reuse the role lists below.
 * tests/integration/authorization-matrix.test.ts finds every action and route in the code, fails
 * when one has no row here (or a row names nothing), and calls each one as every kind of user.
 *
 * A rule is
 *  - "public":    anyone, signed out too;
 *  - "signed-in": any signed-in person, even one whose password change is still pending;
 *  - a map role → authority rule; roles not listed are refused (FORBIDDEN), a signed-out caller
 *    UNAUTHENTICATED, a pending password change FORBIDDEN. The authority rule says on what:
 *      "any"      every authority (ministry-wide, or the action has no authority at all);
 *      "own"      only the officer's own authority: another authority's records are refused or not
 *                 found (enforced by the AuthorityScope from getAuthorityScope and the data layer);
 *      "assigned" an expert, only on applications assigned to them without a conflict;
 *      "self"     only the caller's own records (e.g. an expert's declared affiliations).
 * See docs/decisions/0040-authorization-policy.md.
 */
export type AuthorityRule = "any" | "own" | "assigned" | "self";
export type RoleRules = Readonly<Partial<Record<Role, AuthorityRule>>>;
export type Rule = "public" | "signed-in" | RoleRules;

// ── Who: the groups the table is made of ────────────────────────────────────────────────────────
/** Registry records (schools, their majors and dated changes, imports): provinces for their own authority, the ministry for all. */
const SCHOOL_WRITE = { MINISTRY_ADMIN: "any", MINISTRY_STAFF: "any", PROVINCE_OFFICER: "own" } as const satisfies RoleRules;
/** …and the auditor reads them. */
const SCHOOL_READ = { ...SCHOOL_WRITE, AUDITOR: "any" } as const satisfies RoleRules;
/** 三员: the system administrator manages accounts, the security administrator the policy, the audit administrator (and auditor) read the audit log. */
const ACCOUNTS = { SYSTEM_ADMIN: "any" } as const satisfies RoleRules;
const SECURITY_POLICY = { SECURITY_ADMIN: "any" } as const satisfies RoleRules;
const AUDIT_READ = { AUDIT_ADMIN: "any", AUDITOR: "any" } as const satisfies RoleRules;
/** Quality selection: batch set-up is the ministry administrator's; the later steps any ministry user's. */
const MINISTRY_ADMIN = { MINISTRY_ADMIN: "any" } as const satisfies RoleRules;
const MINISTRY = { MINISTRY_ADMIN: "any", MINISTRY_STAFF: "any" } as const satisfies RoleRules;
/** Applying and recommending: the province officer, for their own authority's schools. */
const APPLICANT = { PROVINCE_OFFICER: "own" } as const satisfies RoleRules;
/** Reviewing: the expert holding the assignment (no conflict). */
const REVIEWER = { EXPERT: "assigned" } as const satisfies RoleRules;
const EXPERT_SELF = { EXPERT: "self" } as const satisfies RoleRules;
/** Evidence files: the ministry and the auditor; the applying authority's officer; an assigned expert. */
const EVIDENCE_READ = {
  MINISTRY_ADMIN: "any",
  MINISTRY_STAFF: "any",
  AUDITOR: "any",
  PROVINCE_OFFICER: "own",
  EXPERT: "assigned",
} as const satisfies RoleRules;

// ── What: every action and route ────────────────────────────────────────────────────────────────
export const POLICY = {
  // Sign-in, language (lib/auth/actions.ts, lib/i18n/actions.ts)
  signInAction: "public",
  signOutAction: "public",
  setLocaleAction: "public",
  // Own account (lib/accounts/actions.ts): also while a password change is pending
  changeOwnPasswordAction: "signed-in",
  signOutEverywhereAction: "signed-in",
  // Accounts and security policy (lib/accounts/actions.ts)
  createAccountAction: ACCOUNTS,
  setAccountDisabledAction: ACCOUNTS,
  resetAccountPasswordAction: ACCOUNTS,
  endAccountSessionsAction: ACCOUNTS,
  updateSecurityPolicyAction: SECURITY_POLICY,
  // Schools (lib/schools/actions.ts, lib/school-changes/actions.ts, lib/school-majors/actions.ts)
  createSchoolAction: SCHOOL_WRITE,
  updateSchoolAction: SCHOOL_WRITE,
  confirmSchoolAction: SCHOOL_WRITE,
  changeStatusAction: SCHOOL_WRITE,
  changeTierAction: SCHOOL_WRITE,
  renameAction: SCHOOL_WRITE,
  addSchoolMajorAction: SCHOOL_WRITE,
  changeSchoolMajorStatusAction: SCHOOL_WRITE,
  // Import and export (lib/imports, lib/exports)
  commitImportAction: SCHOOL_WRITE,
  "GET /console/imports/template": SCHOOL_WRITE,
  "POST /console/imports/upload": SCHOOL_WRITE,
  "GET /console/schools/export": SCHOOL_READ,
  // Open data (lib/opendata/actions.ts)
  publishReleaseAction: MINISTRY_ADMIN,
  // Quality selection: batches (lib/selection/batches/actions.ts)
  createBatchAction: MINISTRY_ADMIN,
  updateBatchAction: MINISTRY_ADMIN,
  saveIndicatorsAction: MINISTRY_ADMIN,
  saveQuotasAction: MINISTRY_ADMIN,
  openBatchAction: MINISTRY_ADMIN,
  cancelBatchAction: MINISTRY_ADMIN,
  startReviewAction: MINISTRY,
  finishReviewAction: MINISTRY,
  // Applications (lib/selection/applications/actions.ts, attachment routes)
  createApplicationAction: APPLICANT,
  saveApplicationAction: APPLICANT,
  submitApplicationAction: APPLICANT,
  reopenApplicationAction: APPLICANT,
  withdrawApplicationAction: APPLICANT,
  saveRecommendationsAction: APPLICANT,
  removeAttachmentAction: APPLICANT,
  "POST /console/selection/applications/[id]/attachments": APPLICANT,
  "GET /console/selection/attachments/[id]": EVIDENCE_READ,
  // Reviews (lib/selection/reviews/actions.ts)
  assignExpertAction: MINISTRY,
  withdrawAssignmentAction: MINISTRY,
  saveReviewAction: REVIEWER,
  declareAffiliationAction: EXPERT_SELF,
  // Results, notice, announcement (lib/selection/results, lib/selection/notice)
  setCutLineAction: MINISTRY,
  decideAction: MINISTRY,
  decideByCutLineAction: MINISTRY,
  publishNoticeAction: MINISTRY,
  resolveObjectionAction: MINISTRY,
  announceAction: MINISTRY,
  designationStepAction: MINISTRY,
  // The public's objection during the notice period (limited per address in the mutation)
  lodgeObjectionAction: "public",
  // Audit log (lib/audit)
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
  "GET /feeds/authorities/[file]": "public",
  "OPTIONS /feeds/authorities/[file]": "public",
  "GET /feeds/changes.atom": "public",
  "OPTIONS /feeds/changes.atom": "public",
  "GET /feeds/schools/[file]": "public",
  "OPTIONS /feeds/schools/[file]": "public",
} as const satisfies Record<string, Rule>;

export type PolicyName = keyof typeof POLICY;
/** Rows of server actions (route rows are "METHOD /path"). */
export type ActionName = Exclude<PolicyName, `${string} /${string}`>;
/** Names whose rule is a role map (the ones `authorize` gates). */
export type GatedName = { [K in PolicyName]: (typeof POLICY)[K] extends RoleRules ? K : never }[PolicyName];
export type SignedInName = { [K in PolicyName]: (typeof POLICY)[K] extends "signed-in" ? K : never }[PolicyName];

/** The roles a row lets in, in a stable order (for `requireRole(...)` on pages and for display). */
export function rolesFor(name: GatedName): Role[] {
  return Object.keys(POLICY[name]) as Role[];
}

