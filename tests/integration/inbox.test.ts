import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { loadInbox } from "@/lib/inbox/loaders";
import { loadProgress } from "@/lib/progress/loaders";
import { loadConsoleHome } from "@/lib/stats/console-loaders";
import { staleWhere } from "@/lib/schools/stale";
import { addDays } from "@/lib/kernel/dates";
import { fileTestDb } from "../support/test-db";
import { signInAs, testUsers } from "../support/session";
import { experts, S, seedSelectionFixtures } from "./selection-fixtures";

/**
 * The console home's inbox, per role (lib/inbox): every count equals a count made directly in the
 * database, the rows are the first of those, and an officer never sees another authority's work.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
const t = fileTestDb(seedSelectionFixtures);
const now = new Date();
const duty = {
  sysadmin: { id: "u-sys", username: "sysadmin", displayName: "系统管理员", role: "SYSTEM_ADMIN", authorityId: null },
  secadmin: { id: "u-sec", username: "secadmin", displayName: "安全管理员", role: "SECURITY_ADMIN", authorityId: null },
  auditadmin: { id: "u-aud", username: "auditadmin", displayName: "审计管理员", role: "AUDIT_ADMIN", authorityId: null },
} satisfies Record<string, SessionUser>;

const batch = (id: string, status: "APPLYING" | "REVIEWING" | "NOTICE", closes: Date, extra = {}) => ({
  id,
  year: 2026,
  nameZh: `测试批次${id}`,
  kind: "SCHOOL" as const,
  status,
  targetCount: 5,
  windowOpensAt: addDays(closes, -30),
  windowClosesAt: closes,
  ...extra,
});
const app = (id: string, batchId: string, schoolId: string, authorityId: string, status: "DRAFT" | "SUBMITTED" | "RECOMMENDED" | "SELECTED") => ({
  id,
  batchId,
  schoolId,
  authorityId,
  status,
});

beforeAll(async () => {
  const c = t.client;
  await c.user.createMany({ data: Object.values(duty).map((u) => ({ ...u, passwordHash: "x" })) });
  // Fresh records are not stale; the others were never confirmed. One closed school: on the list, not on the register.
  await c.school.updateMany({ where: { id: { in: [S.gd2, S.zj1] } }, data: { lastConfirmedAt: now } });
  await c.school.create({
    data: {
      id: "s-gd-closed",
      publicCode: "SGDX",
      nameZh: "已撤销技工学校",
      tier: "TECHNICAL_SCHOOL",
      status: "REVOKED",
      ownership: "PUBLIC",
      sponsorType: "HR_DEPARTMENT",
      authorityId: "guangdong",
    },
  });
  await c.selectionBatch.createMany({
    data: [
      batch("b-apply", "APPLYING", addDays(now, 10)),
      batch("b-review", "REVIEWING", addDays(now, -20), { reviewClosesAt: addDays(now, -1) }),
      batch("b-notice", "NOTICE", addDays(now, -60), { noticeStartsAt: addDays(now, -2), noticeEndsAt: addDays(now, 3) }),
    ],
  });
  await c.selectionApplication.createMany({
    data: [
      app("a-gd1", "b-apply", S.gd1, "guangdong", "DRAFT"),
      app("a-gd3", "b-apply", S.gd3, "guangdong", "SUBMITTED"),
      app("a-zj1", "b-apply", S.zj1, "zhejiang", "DRAFT"),
      app("r-gd2", "b-review", S.gd2, "guangdong", "RECOMMENDED"),
      app("r-zj1", "b-review", S.zj1, "zhejiang", "RECOMMENDED"),
      app("n-gd3", "b-notice", S.gd3, "guangdong", "SELECTED"),
    ],
  });
  await c.reviewAssignment.createMany({
    data: [
      { applicationId: "r-zj1", expertId: experts.gd.id, status: "ASSIGNED", assignedAt: addDays(now, -5) },
      // Same authority as the expert's home: a conflict, never shown even if assigned.
      { applicationId: "r-gd2", expertId: experts.gd.id, status: "ASSIGNED", assignedAt: addDays(now, -4) },
      { applicationId: "r-gd2", expertId: experts.bj.id, status: "ASSIGNED", assignedAt: addDays(now, -3) },
      { applicationId: "r-zj1", expertId: experts.bj.id, status: "ASSIGNED", assignedAt: addDays(now, -2) },
      { applicationId: "r-zj1", expertId: experts.sh.id, status: "SUBMITTED", assignedAt: addDays(now, -6) },
    ],
  });
  // A tie the Beijing expert declared: the Guangdong application leaves their inbox.
  await c.expertAffiliation.create({ data: { expertId: experts.bj.id, schoolId: S.gd2 } });
  await c.selectionObjection.create({
    data: { batchId: "b-notice", applicationId: "n-gd3", name: "张三", contact: "x@example.org", text: "异议", ipHash: "h", status: "OPEN" },
  });
  await c.user.update({ where: { id: testUsers.zjOfficer.id }, data: { lockedUntil: new Date(now.getTime() + 600_000) } });
  const request = { kind: "END_SESSIONS" as const, targetId: testUsers.auditor.id, role: "AUDITOR" as const, reason: "测试", requestedById: duty.sysadmin.id };
  await c.accountRequest.createMany({
    data: [
      { ...request, id: "req-open", requestedAt: now, expiresAt: addDays(now, 2) },
      { ...request, id: "req-overdue", requestedAt: addDays(now, -4), expiresAt: addDays(now, -1) },
    ],
  });
  const event = { actorLabel: "gd-officer", entityType: "User", entityId: testUsers.gdOfficer.id };
  await c.auditEvent.createMany({
    data: [
      { ...event, action: "auth.sign_in_failed", at: new Date(now.getTime() - 3_600_000) },
      { ...event, action: "auth.sign_in_failed", at: new Date(now.getTime() - 7_200_000) },
      { ...event, action: "auth.sign_in_failed", at: addDays(now, -2) },
      { ...event, action: "auth.sign_in", at: now },
    ],
  });
});
afterEach(() => signInAs(null));

async function inboxOf(user: SessionUser, authority?: string) {
  signInAs(user);
  const inbox = await loadInbox(authority);
  return { ...inbox, item: (key: string) => inbox.items.find((i) => i.key === key) };
}

describe("the province officer's inbox", () => {
  it("counts stale records and applications due in the officer's own authority only", async () => {
    const gd = await inboxOf(testUsers.gdOfficer);
    expect(gd.items.map((i) => i.key)).toEqual([
      "campaignToConfirm",
      "staleRecords",
      "belowStandard",
      "missingRequired",
      "duplicates",
      "unfinishedImports",
      "applicationsDue",
      "errorReports",
    ]);
    const stale = gd.item("staleRecords")!;
    expect(stale.count).toBe(await t.client.school.count({ where: { authorityId: "guangdong", ...staleWhere(now) } }));
    expect(stale.count).toBe(5);
    expect(stale.rows.map((r) => r.id)).not.toContain(S.gd2);
    expect(stale.rows.map((r) => r.id)).not.toContain("s-gd-closed");
    expect(stale.rows.every((r) => r.href.startsWith("/console/schools/s-gd"))).toBe(true);
    const due = gd.item("applicationsDue")!;
    expect(due.count).toBe(2);
    expect(due.rows.map((r) => r.id).sort()).toEqual(["a-gd1", "a-gd3"]);
    expect(due.due?.getTime()).toBe(addDays(now, 10).getTime());
    expect(gd.progress).toBeNull();

    const zj = await inboxOf(testUsers.zjOfficer);
    expect(zj.item("staleRecords")!.count).toBe(0);
    expect(zj.item("applicationsDue")!.rows.map((r) => r.id)).toEqual(["a-zj1"]);
    const everyRow = zj.items.flatMap((i) => i.rows.map((r) => r.href));
    expect(everyRow.some((h) => h.includes("s-gd") || h.includes("a-gd"))).toBe(false);
  });

  it("lists the caller's own imports that stopped at the dry run and can still be confirmed, newest first, never another person's", async () => {
    const job = (id: string, createdById: string, status: "DRY_RUN" | "COMMITTED", minutes: number) => ({
      id,
      kind: "SCHOOLS" as const,
      authorityId: "guangdong",
      createdById,
      fileName: `${id}.xlsx`,
      format: "xlsx",
      status,
      rowCount: 12,
      fields: ["nameZh"],
      payload: new Uint8Array([1]),
      summary: {},
      createdAt: new Date(now.getTime() - minutes * 60_000),
    });
    await t.client.importJob.createMany({
      data: [
        job("imp-old", "u-gd", "DRY_RUN", 90),
        job("imp-new", "u-gd", "DRY_RUN", 5),
        job("imp-done", "u-gd", "COMMITTED", 1),
        job("imp-expired", "u-gd", "DRY_RUN", 25 * 60),
        job("imp-zj", "u-zj", "DRY_RUN", 1),
      ],
    });
    try {
      const item = (await inboxOf(testUsers.gdOfficer)).item("unfinishedImports")!;
      expect(item.count).toBe(2);
      expect(item.rows.map((r) => [r.id, r.href])).toEqual([
        ["imp-new", "/console/imports?job=imp-new"],
        ["imp-old", "/console/imports?job=imp-old"],
      ]);
      // A dry run can be confirmed for 24 hours: each row is due then, an older one is no work left.
      expect(item.due).toEqual(new Date(now.getTime() - 90 * 60_000 + 24 * 3600_000));
      expect((await inboxOf(testUsers.zjOfficer)).item("unfinishedImports")!.rows.map((r) => r.id)).toEqual(["imp-zj"]);
      expect((await inboxOf(testUsers.ministry)).item("unfinishedImports")!.count).toBe(0);
    } finally {
      await t.client.importJob.deleteMany({ where: { id: { startsWith: "imp-" } } });
    }
  });

  it("refuses an officer asking for another authority (403)", async () => {
    signInAs(testUsers.gdOfficer);
    await expect(loadInbox("zhejiang")).rejects.toThrow("NEXT_FORBIDDEN");
  });
});

describe("the ministry's inbox", () => {
  it("opens with the very figures of /progress and lists batches, open reviews, objections and authorities behind", async () => {
    const m = await inboxOf(testUsers.ministry);
    const progress = await loadProgress();
    expect(m.progress).toEqual({ schools: progress.schools, majors: progress.majors, asOf: progress.asOf });
    expect(m.item("batches")!.count).toBe(
      await t.client.selectionBatch.count({ where: { status: { in: ["DRAFT", "APPLYING", "REVIEWING", "DECIDING", "NOTICE"] } } }),
    );
    expect(m.item("batches")!.rows.find((r) => r.id === "b-apply")?.note?.terms).toEqual({
      status: "selection.status.batch.APPLYING",
      step: "selection.steps.batch.startReview",
    });
    const reviews = m.item("openReviews")!;
    expect(reviews.count).toBe(await t.client.reviewAssignment.count({ where: { status: "ASSIGNED", application: { batch: { status: "REVIEWING" } } } }));
    expect(reviews.count).toBe(4);
    expect(reviews.rows).toMatchObject([{ id: "b-review", href: "/console/selection/batches/b-review/review", note: { params: { n: 4 } } }]);
    // The batch's review deadline has passed: the item and its row carry it (the home reads it as overdue).
    expect(reviews.due).toEqual(addDays(now, -1));
    expect(m.item("batches")!.rows.find((r) => r.id === "b-review")?.due).toEqual(addDays(now, -1));
    const objections = m.item("openObjections")!;
    expect(objections).toMatchObject({ count: 1, href: "/console/selection/batches/b-notice/notice", due: addDays(now, 3) });
    const behind = m.item("staleByAuthority")!;
    expect(behind.count).toBe(1);
    expect(behind.rows).toMatchObject([{ id: "guangdong", note: { params: { n: 5 } } }]);
  });

  it("narrows the authorities behind to the one asked for", async () => {
    const zj = await inboxOf(testUsers.admin, "zhejiang");
    expect(zj.item("staleByAuthority")!.count).toBe(0);
  });
});

describe("the expert's inbox", () => {
  it("lists pending reviews newest first with the school's province, leaving out conflicts", async () => {
    const gd = await inboxOf(experts.gd);
    const pending = gd.item("pendingReviews")!;
    expect(pending.count).toBe(1);
    expect(pending.rows[0]).toMatchObject({ name: { nameZh: "杭州技师学院" }, place: { nameZh: "浙江省" }, due: addDays(now, -1) });
    const bj = await inboxOf(experts.bj);
    expect(bj.item("pendingReviews")!.count).toBe(1);
    expect(bj.item("pendingReviews")!.rows[0].place?.nameZh).toBe("浙江省");
    expect((await inboxOf(experts.sh)).item("pendingReviews")!.count).toBe(0);
  });
});

describe("the administrators' and the auditor's inbox", () => {
  it("shows each what their duty needs", async () => {
    const sys = await inboxOf(duty.sysadmin);
    expect(sys.items.map((i) => [i.key, i.count])).toEqual([
      ["accountRequests", 1],
      ["lockedAccounts", 1],
    ]);
    expect(sys.item("lockedAccounts")!.rows[0].href).toBe(`/console/accounts/${testUsers.zjOfficer.id}`);
    expect((await inboxOf(duty.secadmin)).items.map((i) => [i.key, i.count])).toEqual([["accountRequests", 1]]);
    for (const user of [duty.auditadmin, testUsers.auditor]) {
      const inbox = await inboxOf(user);
      expect(inbox.items.map((i) => [i.key, i.count])).toEqual([["refusedSignIns", 2]]);
    }
  });

  it("gives the 三员 a console home of their own instead of sending them away", async () => {
    signInAs(duty.sysadmin);
    expect((await loadConsoleHome()).kind).toBe("duty");
  });
});

describe("the home's school numbers", () => {
  it("are two labelled numbers: on the register, and every record the list counts", async () => {
    signInAs(testUsers.gdOfficer);
    const home = await loadConsoleHome();
    if (home.kind !== "scoped") throw new Error(home.kind);
    expect(home.counts.schools).toBe(6);
    expect(home.counts.records).toBe(await t.client.school.count({ where: { authorityId: "guangdong" } }));
    expect(home.counts.records).toBe(7);
  });
});
