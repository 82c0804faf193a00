import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { requestAccountCreation } from "@/lib/accounts/requests/mutations";
import { systemScope } from "@/lib/auth/scope";
import { runWrite } from "@/lib/db/unit-of-work";
import { fileErrorReport } from "@/lib/error-reports/mutations";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { loadNotifications, loadUnreadCount } from "@/lib/notifications/loaders";
import { PUBLIC_ACTOR, actorOf } from "@/lib/request/actor";
import { createBatchAction, openBatchAction, saveIndicatorsAction, saveQuotasAction, startReviewAction } from "@/lib/selection/batches/actions";
import { createApplicationAction, saveApplicationAction, saveRecommendationsAction, submitApplicationAction } from "@/lib/selection/applications/actions";
import { lodgeObjection } from "@/lib/selection/notice/mutations";
import { assignExpertAction } from "@/lib/selection/reviews/actions";
import { peerHeaders } from "../support/peer";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { batchForm, experts, INDICATORS, S, seedSelectionFixtures } from "./selection-fixtures";

vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("192.0.2.1")) }));

/**
 * Notifications (issue 13 item 5, docs/decisions/0068): each event tells exactly the right accounts
 * — not the actor, not another authority's, not a disabled account — and a user reads and marks
 * only their own.
 */
let t: TestDb;
const ids = { batch: "", app: "" };
const admins = {
  requester: { id: "u-sys1", username: "sys1", displayName: "系统管理员一", role: "SYSTEM_ADMIN", authorityId: null, personId: "P-1" },
  sys2: { id: "u-sys2", username: "sys2", displayName: "系统管理员二", role: "SYSTEM_ADMIN", authorityId: null, personId: "P-2" },
  sec: { id: "u-sec", username: "sec", displayName: "安全管理员", role: "SECURITY_ADMIN", authorityId: null, personId: "P-3" },
  secOff: { id: "u-sec-off", username: "sec-off", displayName: "停用的安全管理员", role: "SECURITY_ADMIN", authorityId: null, personId: "P-4", disabled: true },
} as const;

function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.detail ?? r.fieldErrors)}`);
  return r.data;
}
const holders = async (kind: string) => (await t.client.notification.findMany({ where: { kind }, select: { userId: true } })).map((n) => n.userId).sort();
const version = async (id: string) => (await t.client.selectionApplication.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
  await t.client.user.createMany({ data: Object.values(admins).map((u) => ({ ...u, passwordHash: "x" })) });
});
afterAll(async () => {
  signInAs(null);
  await t.close();
});

describe("events", () => {
  it("batch opened → every enabled province officer, nobody else", async () => {
    signInAs(testUsers.admin);
    ids.batch = ok(await createBatchAction(batchForm({ nameZh: "通知测试批次" }))).id;
    ok(await saveIndicatorsAction({ batchId: ids.batch, indicators: INDICATORS }));
    ok(await saveQuotasAction({ batchId: ids.batch, defaultQuota: 1, quotas: [] }));
    expect(await holders("batchOpened")).toEqual([]);
    ok(await openBatchAction({ batchId: ids.batch }));
    expect(await holders("batchOpened")).toEqual([testUsers.gdOfficer.id, testUsers.zjOfficer.id].sort());
    const row = await t.client.notification.findFirstOrThrow({ where: { kind: "batchOpened" } });
    expect(row.params).toEqual({ batch: "通知测试批次" });
  });

  it("review assigned → the assigned expert only", async () => {
    signInAs(testUsers.gdOfficer);
    ids.app = ok(await createApplicationAction({ batchId: ids.batch, schoolId: S.gd1 })).id;
    const sa = { Q1: { score: 8, note: "" }, Q2: { score: 15, note: "" } };
    ok(await saveApplicationAction({ applicationId: ids.app, version: await version(ids.app), selfAssessment: sa, evidenceText: "见附件", evidenceLinks: [] }));
    ok(await submitApplicationAction({ applicationId: ids.app, version: await version(ids.app) }));
    ok(await saveRecommendationsAction({ batchId: ids.batch, ordered: [ids.app] }));
    signInAs(testUsers.ministry);
    ok(await startReviewAction({ batchId: ids.batch }));
    const assignment = ok(await assignExpertAction({ applicationId: ids.app, expertId: experts.bj.id })).id;
    expect(await holders("reviewAssigned")).toEqual([experts.bj.id]);
    const row = await t.client.notification.findFirstOrThrow({ where: { kind: "reviewAssigned" } });
    expect(row.link).toBe(`/console/selection/reviews/${assignment}`);
  });

  it("objection filed → ministry staff only", async () => {
    await t.client.selectionBatch.update({
      where: { id: ids.batch },
      data: { status: "NOTICE", noticeStartsAt: new Date(), noticeEndsAt: new Date(Date.now() + 86_400_000) },
    });
    await t.client.selectionApplication.update({ where: { id: ids.app }, data: { status: "SELECTED" } });
    const input = { applicationId: ids.app, name: "张三", contact: "13800000000", text: "该校申报材料与实际情况不符，请核实。" };
    await runWrite({ actor: PUBLIC_ACTOR, scope: null, clientAddress: "192.0.2.9" }, (ctx) => lodgeObjection(ctx, input));
    expect(await holders("objectionFiled")).toEqual([testUsers.ministry.id]);
  });

  it("approval requested → the enabled approvers other than the requester", async () => {
    const input = { username: "newaudit", displayName: "新审计管理员", role: "AUDIT_ADMIN", personId: "P-9", reason: "新设审计管理员岗位" } as const;
    await runWrite({ actor: actorOf(admins.requester), scope: systemScope() }, (ctx) => requestAccountCreation(ctx, input as never));
    expect(await holders("approvalRequested")).toEqual([admins.sec.id, admins.sys2.id].sort());
  });
});

describe("error reports", () => {
  it("report received → the officers of the school's authority only", async () => {
    const input = { schoolId: S.gd1, field: "address", problem: "地址已变更为新校区。", proposed: "广州市天河区新校区路1号", contact: undefined } as const;
    await runWrite({ actor: PUBLIC_ACTOR, scope: null, clientAddress: "192.0.2.10" }, (ctx) => fileErrorReport(ctx, input as never));
    expect(await holders("reportReceived")).toEqual([testUsers.gdOfficer.id]);
  });
});

describe("a user's own list", () => {
  it("closing in 3 days: once per officer, only for a batch closing within 3 days", async () => {
    const base = { year: 2031, kind: "SCHOOL", status: "APPLYING", targetCount: 1, windowOpensAt: new Date() } as const;
    await t.client.selectionBatch.create({ data: { ...base, nameZh: "三天内截止", windowClosesAt: new Date(Date.now() + 2 * 86_400_000) } });
    await t.client.selectionBatch.create({ data: { ...base, nameZh: "五天后截止", windowClosesAt: new Date(Date.now() + 5 * 86_400_000) } });
    signInAs(testUsers.gdOfficer);
    await loadNotifications();
    await loadUnreadCount();
    const closing = await t.client.notification.findMany({ where: { kind: "batchClosing" } });
    expect(closing.map((n) => [n.userId, (n.params as { batch: string }).batch])).toEqual([[testUsers.gdOfficer.id, "三天内截止"]]);
  });

  it("lists, counts and marks only the caller's own", async () => {
    signInAs(testUsers.zjOfficer);
    const zjOwn = (await loadNotifications()).rows;
    // The zj officer's read made their own reminder; the gd officer's list holds none of theirs.
    expect(zjOwn.map((r) => r.kind).sort()).toEqual(["batchClosing", "batchOpened"]);
    signInAs(testUsers.gdOfficer);
    const { rows, unread } = await loadNotifications();
    expect(rows.map((r) => r.kind).sort()).toEqual(["batchClosing", "batchOpened", "reportReceived"]);
    expect(unread).toBe(3);
    // Another account's notification is not found, and stays unread.
    const other = await markNotificationReadAction({ id: zjOwn[0].id });
    expect(other).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await t.client.notification.findUniqueOrThrow({ where: { id: zjOwn[0].id } })).readAt).toBeNull();
    expect(ok(await markNotificationReadAction({ id: rows[0].id })).link).toBe(rows[0].link);
    expect(await loadUnreadCount()).toBe(2);
    expect(ok(await markAllNotificationsReadAction({})).count).toBe(2);
    expect(await loadUnreadCount()).toBe(0);
    signInAs(testUsers.zjOfficer);
    expect(await loadUnreadCount()).toBe(2);
  });
});
