import "server-only";
import type { Role } from "@/lib/kernel/enums";
import { addDays, shanghaiToday } from "@/lib/kernel/dates";
import { batchTable } from "@/lib/selection/states";
import { openErrorReports } from "@/lib/error-reports/data";
import { lockedAccounts, pendingAccountRequests, refusedSignIns, REFUSED_SIGN_IN } from "./accounts/data";
import { campaignBehindItem, campaignToConfirmItem } from "./campaign";
import { unfinishedImportsItem } from "./imports";
import { belowStandardItem, duplicatesItem, missingRequiredItem, qualityByAuthorityItem } from "./quality";
import { staleByAuthority, staleRecords } from "./registry/data";
import { activeBatches, applicationsDue, openObjectionsByBatch, openReviewsByBatch, pendingReviewsOf } from "./selection/data";
import { earliest, type InboxContext, type InboxProvider } from "./types";

/**
 * THE inbox of each role: the providers of its items, in the order the home shows them. A new kind
 * of work (data quality, duplicates, public error reports…) is one more provider here: a key (its
 * messages under `inbox.items.<key>`), the policy row of the page it links to, and a loader that
 * returns a count and the first rows within `c.scope`.
 */
const scopeOf = (c: InboxContext) => {
  if (!c.scope) throw new Error("inbox provider needs an authority scope");
  return c.scope;
};

const staleRecordsItem: InboxProvider = {
  key: "staleRecords",
  page: "loadSchoolList",
  async load(c) {
    const { count, rows } = await staleRecords(scopeOf(c), c.now, c.take);
    return {
      key: this.key,
      count,
      due: null,
      href: "/console/schools?stale=1&sort=confirmed",
      rows: rows.map((s) => ({
        id: s.id,
        href: `/console/schools/${s.id}`,
        name: s,
        due: null,
        note: s.lastConfirmedAt ? { key: "lastConfirmed", params: { date: shanghaiToday(s.lastConfirmedAt) } } : { key: "neverConfirmed" },
      })),
    };
  },
};

const applicationsDueItem: InboxProvider = {
  key: "applicationsDue",
  page: "loadApplyHome",
  async load(c) {
    const { count, rows } = await applicationsDue(scopeOf(c), c.take);
    return {
      key: this.key,
      count,
      due: earliest(rows.map((a) => a.batch.windowClosesAt)),
      href: "/console/selection/apply",
      rows: rows.map((a) => ({
        id: a.id,
        href: a.status === "DRAFT" ? `/console/selection/applications/${a.id}` : `/console/selection/apply/${a.batch.id}`,
        name: a.school,
        place: a.batch,
        due: a.batch.windowClosesAt,
        note: { key: a.status === "DRAFT" ? "toSubmit" : "toRecommend" },
      })),
    };
  },
};

/** The step that moves a batch on from its phase (lib/selection/states.ts), and its deadline if it has one. */
const nextStep = (status: string) =>
  Object.entries(batchTable).find(([step, row]) => step !== "cancel" && (row.from as readonly string[]).includes(status))?.[0];

const batchesItem: InboxProvider = {
  key: "batches",
  page: "loadBatchList",
  async load(c) {
    const { count, rows } = await activeBatches(c.take);
    const dueOf = (b: (typeof rows)[number]) =>
      b.status === "DRAFT"
        ? b.windowOpensAt
        : b.status === "APPLYING"
          ? b.windowClosesAt
          : b.status === "REVIEWING"
            ? b.reviewClosesAt
            : b.status === "NOTICE"
              ? b.noticeEndsAt
              : null;
    return {
      key: this.key,
      count,
      due: earliest(rows.map(dueOf)),
      href: "/console/selection",
      rows: rows.map((b) => ({
        id: b.id,
        href: `/console/selection/batches/${b.id}`,
        name: b,
        due: dueOf(b),
        note: { key: "nextStep", terms: { status: `selection.status.batch.${b.status}`, step: `selection.steps.batch.${nextStep(b.status)}` } },
      })),
    };
  },
};

const openReviewsItem: InboxProvider = {
  key: "openReviews",
  page: "loadBatchReview",
  async load(c) {
    const { count, rows } = await openReviewsByBatch(c.take);
    const href = (id: string) => `/console/selection/batches/${id}/review`;
    return {
      key: this.key,
      count,
      due: earliest(rows.map((b) => b.reviewClosesAt)),
      href: rows.length === 1 ? href(rows[0].id) : "/console/selection",
      rows: rows.map((b) => ({ id: b.id, href: href(b.id), name: b, due: b.reviewClosesAt, note: { key: "openReviews", params: { n: b.open } } })),
    };
  },
};

const openObjectionsItem: InboxProvider = {
  key: "openObjections",
  page: "loadNoticeAdmin",
  async load(c) {
    const { count, rows } = await openObjectionsByBatch(c.take);
    const href = (id: string) => `/console/selection/batches/${id}/notice`;
    return {
      key: this.key,
      count,
      due: earliest(rows.map((b) => b.noticeEndsAt)),
      href: rows.length === 1 ? href(rows[0].id) : "/console/selection",
      rows: rows.map((b) => ({ id: b.id, href: href(b.id), name: b, due: b.noticeEndsAt, note: { key: "openObjections", params: { n: b.open } } })),
    };
  },
};

const staleByAuthorityItem: InboxProvider = {
  key: "staleByAuthority",
  page: "loadSchoolList",
  async load(c) {
    const { count, rows } = await staleByAuthority(scopeOf(c), c.now, c.take);
    return {
      key: this.key,
      count,
      due: null,
      href: "/console/schools?stale=1&sort=confirmed",
      rows: rows.map((a) => ({
        id: a.id,
        href: `/console/schools?stale=1&sort=confirmed&authority=${a.id}`,
        name: a,
        due: null,
        note: { key: "staleRecords", params: { n: a.stale } },
      })),
    };
  },
};

const pendingReviewsItem: InboxProvider = {
  key: "pendingReviews",
  page: "loadMyReviews",
  async load(c) {
    const { count, rows } = await pendingReviewsOf(c.user.id, c.take);
    return {
      key: this.key,
      count,
      due: earliest(rows.map((r) => r.application.batch.reviewClosesAt)),
      href: "/console/selection/reviews",
      rows: rows.map((r) => ({
        id: r.id,
        href: `/console/selection/reviews/${r.id}`,
        name: r.application.school,
        place: r.application.authority,
        due: r.application.batch.reviewClosesAt,
        note: { key: "assigned", params: { date: shanghaiToday(r.assignedAt) } },
      })),
    };
  },
};

const lockedAccountsItem: InboxProvider = {
  key: "lockedAccounts",
  page: "loadAccountList",
  async load(c) {
    const { count, rows } = await lockedAccounts(c.now, c.take);
    return {
      key: this.key,
      count,
      due: null,
      href: "/console/accounts?status=locked",
      rows: rows.map((u) => ({ id: u.id, href: `/console/accounts/${u.id}`, name: { nameZh: `${u.displayName}（${u.username}）` }, due: u.lockedUntil })),
    };
  },
};

const accountRequestsItem: InboxProvider = {
  key: "accountRequests",
  page: "loadAccountRequests",
  async load(c) {
    const { count, rows } = await pendingAccountRequests(c.now, c.take);
    return {
      key: this.key,
      count,
      due: earliest(rows.map((r) => r.expiresAt)),
      href: "/console/accounts/requests",
      rows: rows.map((r) => ({
        id: r.id,
        href: "/console/accounts/requests",
        name: { nameZh: r.target?.username ?? r.username ?? "—" },
        due: r.expiresAt,
        note: { key: "accountRequest", terms: { kind: `accounts.requests.kinds.${r.kind}`, role: `enums.role.${r.role}` } },
      })),
    };
  },
};

const refusedSignInsItem: InboxProvider = {
  key: "refusedSignIns",
  page: "loadAuditLog",
  async load(c) {
    const since = addDays(c.now, -1);
    const { count, rows } = await refusedSignIns(since, c.take);
    const href = `/console/audit?action=${REFUSED_SIGN_IN}&from=${shanghaiToday(since)}`;
    return {
      key: this.key,
      count,
      due: null,
      href,
      rows: rows.map((e) => ({ id: e.id, href, name: { nameZh: e.actorLabel }, due: null, note: { key: "at", params: { at: e.at } } })),
    };
  },
};

const errorReportsItem: InboxProvider = {
  key: "errorReports",
  page: "loadErrorReports",
  async load(c) {
    const { count, rows } = await openErrorReports(scopeOf(c), c.take);
    return {
      key: this.key,
      count,
      due: null,
      href: "/console/error-reports",
      rows: rows.map((r) => ({
        id: r.id,
        href: `/console/error-reports#report-${r.code}`,
        name: r.school,
        due: null,
        note: { key: "reported", params: { code: r.code, date: shanghaiToday(r.createdAt) } },
      })),
    };
  },
};

const MINISTRY = [
  campaignBehindItem,
  batchesItem,
  openReviewsItem,
  openObjectionsItem,
  errorReportsItem,
  staleByAuthorityItem,
  qualityByAuthorityItem,
  unfinishedImportsItem,
];

export const INBOX_PROVIDERS: Record<Role, readonly InboxProvider[]> = {
  PROVINCE_OFFICER: [
    campaignToConfirmItem,
    staleRecordsItem,
    belowStandardItem,
    missingRequiredItem,
    duplicatesItem,
    unfinishedImportsItem,
    applicationsDueItem,
    errorReportsItem,
  ],
  MINISTRY_ADMIN: MINISTRY,
  MINISTRY_STAFF: MINISTRY,
  EXPERT: [pendingReviewsItem],
  SYSTEM_ADMIN: [accountRequestsItem, lockedAccountsItem],
  SECURITY_ADMIN: [accountRequestsItem],
  AUDIT_ADMIN: [refusedSignInsItem],
  AUDITOR: [refusedSignInsItem],
};
