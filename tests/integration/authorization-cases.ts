import type { LoaderName, PolicyName } from "@/lib/auth/policy";
import { formData } from "../support/form";
import { createForm, editForm } from "./schools-fixtures";
import { batchForm, INDICATORS, S } from "./selection-fixtures";
import type { Fixture } from "./authorization-fixture";

/**
 * How the matrix calls each row of the policy table: the arguments of an action or of a page
 * loader, or the request of a route handler. Inputs are valid where the gate comes after parsing
 * (so a refused caller meets the gate, not a validation error) and, for "own"/"assigned" rows,
 * name a Guangdong record that the Guangdong officer / the assigned expert may reach — the other
 * authority's officer and the unassigned expert must then be refused or find nothing. Versions are
 * stale on purpose (999) where that stops an allowed call before it writes.
 *
 *  - noTarget: the call names no authority (its scope is always the caller's own); both
 *    officers are allowed, the other authority dimension does not apply.
 *  - hiddenWhen: an answer that, for this call, is how another authority's record stays out of
 *    reach (a refusal code, or a page's data without the Guangdong record).
 *  - skip: the handler cannot run in this test, and why.
 */
export type Outcome = { ok: boolean; code?: string; reason?: string; status?: number; redirect?: string; value?: unknown };
export type ActionCase = { args: (fx: Fixture) => unknown[]; noTarget?: string; hiddenWhen?: (o: Outcome) => boolean };
export type LoaderCase = { load: (fx: Fixture) => unknown[]; noTarget?: string; hiddenWhen?: (o: Outcome) => boolean };
export type RouteCase = {
  request: (fx: Fixture) => { path: string; init?: RequestInit; params?: Record<string, string> };
  noTarget?: string;
  skip?: string;
};
export type Case = ActionCase | LoaderCase | RouteCase;

const NONE = "x-none";
const get = (path: string, params?: Record<string, string>) => () => ({ path, params });
const options = (path: string, params?: Record<string, string>) => () => ({
  path,
  params,
  init: { method: "OPTIONS", headers: { origin: "https://example.org" } },
});

/** A page's data that leaves out the Guangdong record: how an officer's own scope keeps another authority's out. */
const without =
  <T>(pick: (v: T) => boolean) =>
  (o: Outcome) =>
    o.value !== undefined && !pick(o.value as T);
type Rows = { rows: { id: string }[] };

/** The page loaders (lib/**\/loaders.ts): their arguments as the pages pass them. */
const loaderCases: Record<LoaderName, LoaderCase> = {
  loadNationalOverview: { load: () => [] },
  loadPublicSearch: { load: () => [{ q: "技师" }] },
  loadPublicSchoolPage: { load: () => [S.gd1, undefined] },
  loadLineage: { load: () => [S.gd1] },
  loadProgress: { load: () => [] },
  loadDataPage: { load: () => [] },
  loadVerifyPage: { load: () => ["NONE"] },
  loadPublicNotices: { load: () => [] },
  loadPublicNotice: { load: (fx) => [fx.batchId] },

  loadErrorReportForm: { load: () => [S.gd1] },
  loadErrorReportStatus: { load: () => ["NONE"] },
  loadErrorReports: { load: () => [], hiddenWhen: without<{ rows: { school: { id: string } }[] }>((v) => v.rows.some((r) => r.school.id === S.gd1)) },
  loadErrorReport: { load: (fx) => [fx.openErrorReportId, S.gd1] },

  loadConsoleHome: { load: () => [], hiddenWhen: without<{ scopeAuthority: { id: string } | null }>((v) => v.scopeAuthority?.id === "guangdong") },
  loadInbox: {
    load: () => [],
    hiddenWhen: without<{ items: { rows: { id: string; href: string }[] }[] }>((v) => v.items.some((i) => i.rows.some((r) => r.href.includes(S.gd1)))),
  },
  loadPasswordPage: { load: () => [] },
  loadOwnAccount: { load: () => [] },
  loadApiKeys: { load: () => [] },
  loadWebhooks: { load: () => [] },
  loadNotifications: { load: () => [] },
  loadUnreadCount: { load: () => [] },
  loadAccountList: { load: () => [{}] },
  loadNewAccountForm: { load: () => [] },
  loadAccount: { load: (fx) => [fx.targetAccountId] },
  loadSecurityPolicy: { load: () => [] },
  loadAccountRequests: { load: () => [] },

  loadSchoolList: { load: () => [{ authority: "guangdong" }], hiddenWhen: without<Rows>((v) => v.rows.some((r) => r.id === S.gd1)) },
  loadSchoolPage: { load: (fx) => [fx.school.id] },
  loadConfirmationFlag: { load: () => [{ status: "OPERATING", lastConfirmedAt: null }] },
  loadCampaign: { load: () => [], noTarget: "the page shows the caller's own authority" },
  loadQuality: { load: () => ["guangdong"] },
  loadQualityList: { load: () => ["stale", "guangdong"] },
  loadSchoolMajorsPage: { load: (fx) => [fx.school.id] },
  loadNewSchoolForm: { load: () => [], hiddenWhen: without<{ authorities: { id: string }[] }>((v) => v.authorities.some((a) => a.id === "guangdong")) },
  loadSchoolEdit: { load: (fx) => [fx.school.id] },
  loadStatusPage: { load: (fx) => [fx.school.id] },
  loadTierPage: { load: (fx) => [fx.school.id] },
  loadRenamePage: { load: (fx) => [fx.school.id] },
  loadImportsPage: { load: (fx) => [fx.importJobId], hiddenWhen: without<{ job: unknown }>((v) => v.job !== null) },

  loadBatchList: { load: () => [] },
  loadBatchOverview: { load: (fx) => [fx.batchId] },
  loadProgressDashboard: { load: () => [] },
  loadNewBatchForm: { load: () => ["SCHOOL"] },
  loadApplyHome: { load: () => [], hiddenWhen: without<{ authority: { id: string } | null }>((v) => v.authority?.id === "guangdong") },
  loadAuthorityBatch: { load: (fx) => [fx.batchId], hiddenWhen: without<{ apps: { id: string }[] }>((v) => v.apps.length > 0) },
  loadNewApplication: { load: (fx) => [fx.batchId, S.gd1], hiddenWhen: without<{ school?: unknown }>((v) => !!v.school) },
  loadApplication: { load: (fx) => [fx.draftAppId] },
  loadBatchReview: { load: (fx) => [fx.batchId] },
  loadMyReviews: { load: () => [] },
  loadReview: { load: (fx) => [fx.assignmentId] },
  loadBatchResults: { load: (fx) => [fx.batchId] },
  loadNoticeAdmin: { load: (fx) => [fx.batchId] },
  loadAuditLog: { load: () => [{}] },
};

export const cases: Record<PolicyName, Case> = {
  ...loaderCases,
  signInAction: { args: () => [{}, formData({})] },
  signOutAction: { args: () => [] },
  setLocaleAction: { args: () => ["xx"] },
  changeOwnPasswordAction: { args: () => [null, formData({})] },
  signOutEverywhereAction: { args: () => [] },
  // No address given and none stored: an allowed call changes nothing.
  setOwnEmailAction: { args: () => [formData({ email: "" })] },
  // A real key for each allowed caller (own keys only); no key has this id, so an allowed revoke finds nothing.
  issueApiKeyAction: { args: () => [formData({ name: "矩阵" })] },
  revokeApiKeyAction: { args: () => [formData({ id: NONE })] },
  markNotificationReadAction: { args: () => [formData({ id: NONE })] },
  markAllNotificationsReadAction: { args: () => [formData({})] },
  createWebhookAction: { args: () => [formData({ target: "DESIGNATION_KIND", designationKind: "QUALITY_SCHOOL", url: "https://[::1]/matrix" })] },
  setWebhookEnabledAction: { args: () => [{ id: NONE, enabled: false }] },
  deleteWebhookAction: { args: () => [formData({ id: NONE })] },
  pingWebhookAction: { args: () => [formData({ id: NONE })] },

  createAccountAction: { args: () => [null, formData({})] },
  setAccountDisabledAction: { args: (fx) => [formData({ id: fx.targetAccountId, disabled: "true" })] },
  resetAccountPasswordAction: { args: (fx) => [formData({ id: fx.targetAccountId })] },
  endAccountSessionsAction: { args: (fx) => [formData({ id: fx.targetAccountId })] },
  setAccountEmailAction: { args: (fx) => [formData({ id: fx.targetAccountId, email: "" })] },
  updateSecurityPolicyAction: { args: () => [null, formData({})] },
  // The fixture's target is not privileged (a request is refused as not needed) and no request exists.
  requestAccountCreationAction: { args: () => [null, formData({})] },
  requestAccountChangeAction: { args: (fx) => [formData({ id: fx.targetAccountId, kind: "DISABLE", reason: "矩阵" })] },
  cancelAccountRequestAction: { args: () => [formData({ requestId: NONE })] },
  approveAccountRequestAction: { args: () => [formData({ requestId: NONE })] },
  rejectAccountRequestAction: { args: () => [formData({ requestId: NONE, reason: "矩阵" })] },

  createSchoolAction: { args: () => [createForm({ authorityId: "guangdong" })] },
  updateSchoolAction: { args: (fx) => [editForm(fx.school.row, { version: "999" })] },
  confirmSchoolAction: { args: (fx) => [{ id: fx.school.id, version: 999 }] },
  changeStatusAction: {
    args: (fx) => [
      null,
      { schoolId: fx.school.id, version: 999, toStatus: "RECTIFYING", reasonCode: "inspection", documentNo: "粤人社〔2026〕1号", effectiveDate: "2026-01-05" },
    ],
  },
  changeTierAction: {
    args: (fx) => [
      null,
      {
        schoolId: fx.school.id,
        version: 999,
        toTier: "SENIOR_TECHNICAL_SCHOOL",
        approvalDocNo: "粤人社〔2026〕1号",
        approvalDate: "2026-01-05",
        effectiveDate: "2026-01-05",
      },
    ],
  },
  renameAction: {
    args: (fx) => [
      null,
      { schoolId: fx.school.id, version: 999, newNameZh: "广州市更名测试技工学校", documentNo: "粤人社〔2026〕2号", effectiveDate: "2026-01-05" },
    ],
  },
  addSchoolMajorAction: {
    args: (fx) => [null, { schoolId: S.gd1, majorId: fx.majorId, level: "INTERMEDIATE", startingPoint: "SENIOR_SECONDARY", years: 3, confirmWarnings: "on" }],
  },
  changeSchoolMajorStatusAction: { args: (fx) => [null, { schoolMajorId: fx.schoolMajorId, fromStatus: "WITHDRAWN", toStatus: "FILED" }] },
  commitImportAction: { args: (fx) => [{ jobId: fx.importJobId }] },
  "GET /console/imports/template": { request: get("/console/imports/template?kind=schools"), noTarget: "the template lists the caller's own authority" },
  "POST /console/imports/upload": {
    request: () => ({ path: "/console/imports/upload", init: { method: "POST", body: formData({ kind: "nonsense" }) } }),
    noTarget: "an upload is checked in the caller's own scope (rows naming another authority are row errors: imports-scope.test.ts)",
  },
  "GET /console/schools/export": { request: get("/console/schools/export?format=csv&authority=guangdong") },
  "GET /console/quality/export": { request: get("/console/quality/export?authority=guangdong") },
  "GET /console/campaign/report": { request: get("/console/campaign/report"), noTarget: "the report covers the caller's own authority" },
  openCampaignAction: { args: () => [{ year: 2099, deadline: "2000-01-01" }] },
  closeCampaignAction: { args: () => [{ campaignId: NONE }] },
  confirmCampaignRecordsAction: { args: (fx) => [{ items: [`${fx.school.id}:999`] }] },
  publishReleaseAction: { args: () => [null, new FormData()] },

  createBatchAction: { args: () => [batchForm()] },
  updateBatchAction: { args: () => [{ ...batchForm(), batchId: NONE }] },
  saveIndicatorsAction: { args: () => [{ batchId: NONE, indicators: INDICATORS }] },
  saveQuotasAction: { args: () => [{ batchId: NONE, defaultQuota: 1, quotas: [] }] },
  openBatchAction: { args: () => [{ batchId: NONE }] },
  cancelBatchAction: { args: () => [{ batchId: NONE }] },
  startReviewAction: { args: () => [{ batchId: NONE }] },
  finishReviewAction: { args: () => [{ batchId: NONE }] },

  createApplicationAction: { args: (fx) => [{ batchId: fx.batchId, schoolId: S.gd3 }] },
  saveApplicationAction: { args: (fx) => [{ applicationId: fx.draftAppId, version: 999, selfAssessment: {}, evidenceText: "", evidenceLinks: [] }] },
  submitApplicationAction: { args: (fx) => [{ applicationId: fx.draftAppId, version: 999 }] },
  reopenApplicationAction: { args: (fx) => [{ applicationId: fx.draftAppId, version: 999 }] },
  withdrawApplicationAction: { args: (fx) => [{ applicationId: fx.draftAppId, version: 999 }] },
  saveRecommendationsAction: {
    args: (fx) => [{ batchId: fx.batchId, ordered: [fx.submittedAppId] }],
    // The list is always the caller's authority's: another authority's application is "not recommendable".
    hiddenWhen: (o) => o.code === "VALIDATION" && o.reason === "notRecommendable",
  },
  removeAttachmentAction: { args: (fx) => [{ attachmentId: fx.removableAttachmentId }] },
  "POST /console/selection/applications/[id]/attachments": {
    request: (fx) => {
      const body = new FormData();
      body.set("file", new File([new TextEncoder().encode("<html>not a pdf</html>")], "x.pdf", { type: "application/pdf" }));
      return {
        path: `/console/selection/applications/${fx.draftAppId}/attachments`,
        params: { id: fx.draftAppId },
        init: { method: "POST", body, headers: { origin: "http://localhost", host: "localhost", accept: "application/json" } },
      };
    },
  },
  "GET /console/selection/attachments/[id]": {
    request: (fx) => ({ path: `/console/selection/attachments/${fx.attachmentId}`, params: { id: fx.attachmentId } }),
  },

  assignExpertAction: { args: () => [{ applicationId: NONE, expertId: NONE }] },
  withdrawAssignmentAction: { args: () => [{ assignmentId: NONE }] },
  saveReviewAction: { args: (fx) => [{ assignmentId: fx.assignmentId, scores: {}, internalComment: "", applicantFeedback: "", submit: false }] },
  declareAffiliationAction: { args: () => [{ schoolId: S.zj1, note: "" }] },
  setCutLineAction: { args: () => [{ batchId: NONE, cutLine: 60 }] },
  decideAction: { args: () => [{ applicationId: NONE, selected: true, reason: "测试" }] },
  decideByCutLineAction: { args: () => [{ batchId: NONE }] },
  publishNoticeAction: { args: () => [{ batchId: NONE, noticeEndsAt: "2030-01-01T00:00" }] },
  resolveObjectionAction: { args: () => [{ objectionId: NONE, outcome: "DISMISSED", resolution: "测试" }] },
  announceAction: { args: () => [{ batchId: NONE, documentNo: "人社部〔2026〕1号", startDate: "2026-01-01", endDate: "2029-12-31" }] },
  designationStepAction: { args: () => [{ designationId: NONE, step: "accept", reason: "测试" }] },
  lodgeObjectionAction: { args: () => [{}] },
  fileErrorReportAction: { args: () => [{ schoolId: S.gd1, field: "address", problem: "地址已变更", proposed: "广州市新地址" }] },
  declineErrorReportAction: { args: (fx) => [{ reportId: fx.errorReportId, reason: "经核实，原记录无误" }] },

  "GET /console/audit/export": { request: get("/console/audit/export") },
  "GET /api/auth/[...nextauth]": {
    request: get("/api/auth/session"),
    skip: "Auth.js's own endpoints (lib/auth/auth is mocked here; sign-in is tested in sign-in.test.ts and e2e)",
  },
  "POST /api/auth/[...nextauth]": {
    request: get("/api/auth/signout"),
    skip: "Auth.js's own endpoints (lib/auth/auth is mocked here; sign-in is tested in sign-in.test.ts and e2e)",
  },
  "GET /api/health": { request: get("/api/health") },
  "GET /api/v1/changes": { request: get("/api/v1/changes") },
  "OPTIONS /api/v1/changes": { request: options("/api/v1/changes") },
  "GET /api/v1/designations": { request: get("/api/v1/designations") },
  "OPTIONS /api/v1/designations": { request: options("/api/v1/designations") },
  "GET /api/v1/keys": { request: get("/api/v1/keys") },
  "OPTIONS /api/v1/keys": { request: options("/api/v1/keys") },
  "GET /api/v1/keys/[file]": { request: get("/api/v1/keys/none.pem", { file: "none.pem" }) },
  "OPTIONS /api/v1/keys/[file]": { request: options("/api/v1/keys/none.pem", { file: "none.pem" }) },
  "GET /api/v1/majors": { request: get("/api/v1/majors") },
  "OPTIONS /api/v1/majors": { request: options("/api/v1/majors") },
  "GET /api/v1/openapi.json": { request: get("/api/v1/openapi.json") },
  "OPTIONS /api/v1/openapi.json": { request: options("/api/v1/openapi.json") },
  "GET /api/v1/progress": { request: get("/api/v1/progress") },
  "OPTIONS /api/v1/progress": { request: options("/api/v1/progress") },
  "GET /api/v1/releases": { request: get("/api/v1/releases") },
  "OPTIONS /api/v1/releases": { request: options("/api/v1/releases") },
  "GET /api/v1/releases/[slug]/[file]": { request: get("/api/v1/releases/none/manifest.json", { slug: "none", file: "manifest.json" }) },
  "OPTIONS /api/v1/releases/[slug]/[file]": { request: options("/api/v1/releases/none/manifest.json", { slug: "none", file: "manifest.json" }) },
  "GET /api/v1/schools": { request: get("/api/v1/schools?q=技师") },
  "OPTIONS /api/v1/schools": { request: options("/api/v1/schools") },
  "GET /api/v1/schools/[id]": { request: get(`/api/v1/schools/${S.gd1}`, { id: S.gd1 }) },
  "OPTIONS /api/v1/schools/[id]": { request: options(`/api/v1/schools/${S.gd1}`, { id: S.gd1 }) },
  "GET /api/v1/verify/[code]": { request: get("/api/v1/verify/NONE", { code: "NONE" }) },
  "OPTIONS /api/v1/verify/[code]": { request: options("/api/v1/verify/NONE", { code: "NONE" }) },
  "GET /api/v1/verify/[code]/status": { request: get("/api/v1/verify/NONE/status", { code: "NONE" }) },
  "OPTIONS /api/v1/verify/[code]/status": { request: options("/api/v1/verify/NONE/status", { code: "NONE" }) },
  "GET /feeds/authorities/[file]": { request: get("/feeds/authorities/guangdong.atom", { file: "guangdong.atom" }) },
  "OPTIONS /feeds/authorities/[file]": { request: options("/feeds/authorities/guangdong.atom", { file: "guangdong.atom" }) },
  "GET /feeds/changes.atom": { request: get("/feeds/changes.atom") },
  "OPTIONS /feeds/changes.atom": { request: options("/feeds/changes.atom") },
  "GET /feeds/schools/[file]": { request: get(`/feeds/schools/${S.gd1}.atom`, { file: `${S.gd1}.atom` }) },
  "OPTIONS /feeds/schools/[file]": { request: options(`/feeds/schools/${S.gd1}.atom`, { file: `${S.gd1}.atom` }) },
  "GET /sitemap.xml": { request: get("/sitemap.xml") },
  "GET /sitemaps/[file]": { request: get("/sitemaps/schools-1.xml", { file: "schools-1.xml" }) },
  "GET /data/dictionary/[file]": { request: get("/data/dictionary/data-dictionary.json", { file: "data-dictionary.json" }) },
};
