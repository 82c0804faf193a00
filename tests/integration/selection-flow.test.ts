import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import {
  cancelBatchAction,
  createBatchAction,
  finishReviewAction,
  openBatchAction,
  saveIndicatorsAction,
  saveQuotasAction,
  startReviewAction,
} from "@/lib/selection/batches/actions";
import {
  createApplicationAction,
  reopenApplicationAction,
  saveApplicationAction,
  saveRecommendationsAction,
  submitApplicationAction,
  withdrawApplicationAction,
} from "@/lib/selection/applications/actions";
import { assignExpertAction, declareAffiliationAction, saveReviewAction } from "@/lib/selection/reviews/actions";
import { decideAction, decideByCutLineAction, setCutLineAction } from "@/lib/selection/results/actions";
import { announceAction, designationStepAction, lodgeObjectionAction, publishNoticeAction, resolveObjectionAction } from "@/lib/selection/notice/actions";
import { loadApplication } from "@/lib/selection/applications/loaders";
import { GET as progressGET } from "@/app/api/v1/progress/route";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { batchForm, experts, INDICATORS, S, seedSelectionFixtures } from "./selection-fixtures";
import { peerHeaders } from "../support/peer";

const ip = vi.hoisted(() => ({ current: "203.0.113.7" }));
// A spoofed first hop must not matter: the proxy-appended last entry is the client.
vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders(ip.current, { "x-forwarded-for": `${Math.random()}` })) }));

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
});
afterAll(async () => t.close());

function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.detail ?? r.fieldErrors)}`);
  return r.data;
}
function refused(r: ActionResult<unknown>, code: string, reason?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  if (reason) expect(r.detail?.reason).toBe(reason);
}

const state: { batchId: string; apps: Record<string, string>; assignments: Record<string, string> } = { batchId: "", apps: {}, assignments: {} };
const version = async (id: string) => (await t.client.selectionApplication.findUniqueOrThrow({ where: { id } })).version;
const status = async (id: string) => (await t.client.selectionApplication.findUniqueOrThrow({ where: { id } })).status;
const batchStatus = async () => (await t.client.selectionBatch.findUniqueOrThrow({ where: { id: state.batchId } })).status;

describe(`a whole batch, draft to announcement (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("1 · the ministry admin creates a draft batch, sets indicators and quotas; steps out of order are refused", async () => {
    signInAs(testUsers.ministry);
    refused(await createBatchAction(batchForm()), "FORBIDDEN");
    signInAs(testUsers.admin);
    state.batchId = ok(await createBatchAction(batchForm())).id;
    refused(await createBatchAction(batchForm()), "DUPLICATE");
    expect(await batchStatus()).toBe("DRAFT");

    refused(await saveIndicatorsAction({ batchId: state.batchId, indicators: [{ ...INDICATORS[0], weight: 40 }, INDICATORS[1]] }), "VALIDATION");
    ok(await saveIndicatorsAction({ batchId: state.batchId, indicators: INDICATORS }));
    ok(await saveQuotasAction({ batchId: state.batchId, defaultQuota: 1, quotas: [{ authorityId: "guangdong", quota: 2 }] }));

    refused(await startReviewAction({ batchId: state.batchId }), "INVALID_TRANSITION", "outOfOrder");
    refused(await publishNoticeAction({ batchId: state.batchId, noticeEndsAt: "2030-01-01T00:00" }), "INVALID_TRANSITION", "outOfOrder");
    signInAs(testUsers.gdOfficer);
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.gd1 }), "VALIDATION", "eligibility.batchNotOpen");
    signInAs(testUsers.admin);
    expect(ok(await openBatchAction({ batchId: state.batchId }))).toEqual({ status: "APPLYING" });
    refused(await saveIndicatorsAction({ batchId: state.batchId, indicators: INDICATORS }), "INVALID_TRANSITION", "wrongPhase");
  });

  it("2 · province officers apply for their own schools; ineligible ones are refused with the reason", async () => {
    signInAs(testUsers.gdOfficer);
    for (const k of ["gd1", "gd2", "gd3"] as const) state.apps[k] = ok(await createApplicationAction({ batchId: state.batchId, schoolId: S[k] })).id;
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.gd1 }), "VALIDATION", "eligibility.alreadyApplied");
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.zj1 }), "FORBIDDEN", "eligibility.wrongAuthority");
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.gdTechSchool }), "VALIDATION", "eligibility.wrongTier");
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.gdRectifying }), "VALIDATION", "eligibility.wrongStatus");
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.gdDesignated }), "VALIDATION", "eligibility.alreadyDesignated");

    const sa = { Q1: { score: 9, note: "实训设备齐全" }, Q2: { score: 18, note: "" } };
    refused(await submitApplicationAction({ applicationId: state.apps.gd1, version: await version(state.apps.gd1) }), "VALIDATION", "selfAssessmentIncomplete");
    for (const k of ["gd1", "gd2", "gd3"]) {
      const id = state.apps[k];
      ok(
        await saveApplicationAction({
          applicationId: id,
          version: await version(id),
          selfAssessment: sa,
          evidenceText: "材料见附件",
          evidenceLinks: ["https://example.org/report"],
        }),
      );
      ok(await submitApplicationAction({ applicationId: id, version: await version(id) }));
    }
    refused(
      await saveApplicationAction({
        applicationId: state.apps.gd1,
        version: await version(state.apps.gd1),
        selfAssessment: sa,
        evidenceText: "",
        evidenceLinks: [],
      }),
      "INVALID_TRANSITION",
      "outOfOrder",
    );
    // Stale version: the form was read before the submit.
    refused(await reopenApplicationAction({ applicationId: state.apps.gd3, version: 1 }), "STALE_VERSION");
    ok(await reopenApplicationAction({ applicationId: state.apps.gd3, version: await version(state.apps.gd3) }));
    ok(await submitApplicationAction({ applicationId: state.apps.gd3, version: await version(state.apps.gd3) }));

    signInAs(testUsers.zjOfficer);
    // Another authority's application is invisible: not found, not forbidden.
    refused(await withdrawApplicationAction({ applicationId: state.apps.gd1, version: await version(state.apps.gd1) }), "NOT_FOUND");
    state.apps.zj1 = ok(await createApplicationAction({ batchId: state.batchId, schoolId: S.zj1 })).id;
    ok(
      await saveApplicationAction({
        applicationId: state.apps.zj1,
        version: await version(state.apps.zj1),
        selfAssessment: sa,
        evidenceText: "",
        evidenceLinks: [],
      }),
    );
    ok(await submitApplicationAction({ applicationId: state.apps.zj1, version: await version(state.apps.zj1) }));
  });

  it("2b · a step on a form read before the last change is STALE_VERSION: the stored version, who changed it (display name, else user name) and when", async () => {
    const id = state.apps.gd3;
    const read = await version(id);
    // Someone else reopens it meanwhile; their account has no display name, so the audit names the user name.
    signInAs({ ...testUsers.gdOfficer, displayName: "" });
    ok(await reopenApplicationAction({ applicationId: id, version: read }));
    const last = await t.client.auditEvent.findFirstOrThrow({ where: { entityType: "SelectionApplication", entityId: id }, orderBy: { at: "desc" } });
    expect(last).toMatchObject({ action: "selection.application.reopen", actorLabel: testUsers.gdOfficer.username });
    signInAs(testUsers.gdOfficer);
    const r = await submitApplicationAction({ applicationId: id, version: read });
    expect(r).toEqual({
      ok: false,
      code: "STALE_VERSION",
      detail: { version: read + 1, changedBy: testUsers.gdOfficer.username, changedAt: last.at.toISOString(), changes: [] },
    });
    ok(await submitApplicationAction({ applicationId: id, version: read + 1 }));
  });

  it("3 · recommendation within the quota; over the quota is refused", async () => {
    signInAs(testUsers.gdOfficer);
    refused(
      await saveRecommendationsAction({ batchId: state.batchId, ordered: [state.apps.gd1, state.apps.gd2, state.apps.gd3] }),
      "VALIDATION",
      "quotaExceeded",
    );
    refused(await saveRecommendationsAction({ batchId: state.batchId, ordered: [state.apps.zj1] }), "VALIDATION", "notRecommendable");
    expect(ok(await saveRecommendationsAction({ batchId: state.batchId, ordered: [state.apps.gd2, state.apps.gd1] }))).toEqual({ recommended: 2, quota: 2 });
    const gd = await t.client.selectionApplication.findMany({ where: { authorityId: "guangdong" }, orderBy: { provinceRank: "asc" } });
    expect(gd.map((a) => [a.schoolId, a.status, a.provinceRank])).toEqual([
      [S.gd2, "RECOMMENDED", 1],
      [S.gd1, "RECOMMENDED", 2],
      [S.gd3, "SUBMITTED", null],
    ]);
    refused(await withdrawApplicationAction({ applicationId: state.apps.gd1, version: await version(state.apps.gd1) }), "INVALID_TRANSITION", "outOfOrder");
    signInAs(testUsers.zjOfficer);
    refused(await saveRecommendationsAction({ batchId: state.batchId, ordered: [state.apps.zj1, state.apps.gd1] }), "VALIDATION", "quotaExceeded");
    ok(await saveRecommendationsAction({ batchId: state.batchId, ordered: [state.apps.zj1] }));
    signInAs(testUsers.admin);
    // A quota cannot drop below what an authority already recommended.
    refused(
      await saveQuotasAction({ batchId: state.batchId, defaultQuota: 1, quotas: [{ authorityId: "guangdong", quota: 1 }] }),
      "VALIDATION",
      "quotaBelowUsed",
    );
  });

  it("4 · review starts; experts are assigned, conflicts refused whatever is sent", async () => {
    signInAs(testUsers.ministry);
    refused(await cancelBatchAction({ batchId: state.batchId }), "FORBIDDEN");
    ok(await startReviewAction({ batchId: state.batchId }));
    expect(await status(state.apps.gd3)).toBe("NOT_RECOMMENDED");
    signInAs(testUsers.gdOfficer);
    refused(await saveRecommendationsAction({ batchId: state.batchId, ordered: [state.apps.gd1] }), "INVALID_TRANSITION", "wrongPhase");

    signInAs(experts.zj);
    ok(await declareAffiliationAction({ schoolId: S.gd2, note: "曾任兼职教师" }));
    signInAs(testUsers.ministry);
    refused(await assignExpertAction({ applicationId: state.apps.gd1, expertId: experts.gd.id }), "FORBIDDEN", "conflict.sameAuthority");
    refused(await assignExpertAction({ applicationId: state.apps.gd2, expertId: experts.zj.id }), "FORBIDDEN", "conflict.affiliation");
    refused(await assignExpertAction({ applicationId: state.apps.gd3, expertId: experts.bj.id }), "INVALID_TRANSITION", "outOfOrder");
    const pairs: [string, keyof typeof experts][] = [
      ["gd1", "zj"],
      ["gd1", "bj"],
      ["gd2", "bj"],
      ["gd2", "sh"],
      ["zj1", "gd"],
      ["zj1", "sh"],
    ];
    for (const [app, ex] of pairs)
      state.assignments[`${app}:${ex}`] = ok(await assignExpertAction({ applicationId: state.apps[app], expertId: experts[ex].id })).id;
    refused(await assignExpertAction({ applicationId: state.apps.gd1, expertId: experts.bj.id }), "DUPLICATE");
    refused(await finishReviewAction({ batchId: state.batchId }), "INVALID_TRANSITION", "reviewsIncomplete");
  });

  it("5 · experts score their own assignments only, within range", async () => {
    const [q1, q2] = await t.client.selectionIndicator.findMany({ where: { batchId: state.batchId }, orderBy: { sortOrder: "asc" } });
    const sheet = (a: number, b: number, submit = true) => ({
      scores: { [q1.id]: a, [q2.id]: b },
      internalComment: "内部意见",
      applicantFeedback: "建议加强校企合作",
      submit,
    });
    signInAs(experts.bj);
    refused(await saveReviewAction({ assignmentId: state.assignments["gd1:zj"], ...sheet(5, 5) }), "NOT_FOUND");
    refused(await saveReviewAction({ assignmentId: state.assignments["gd1:bj"], ...sheet(11, 5) }), "VALIDATION", "scoreOutOfRange");
    refused(
      await saveReviewAction({ assignmentId: state.assignments["gd1:bj"], scores: { [q1.id]: 5 }, internalComment: "", applicantFeedback: "", submit: true }),
      "VALIDATION",
      "scoresIncomplete",
    );
    ok(await saveReviewAction({ assignmentId: state.assignments["gd1:bj"], ...sheet(9, 18) })); // 45 + 45 = 90
    refused(await saveReviewAction({ assignmentId: state.assignments["gd1:bj"], ...sheet(1, 1) }), "INVALID_TRANSITION", "outOfOrder");
    ok(await saveReviewAction({ assignmentId: state.assignments["gd2:bj"], ...sheet(6, 12) })); // 30 + 30 = 60
    signInAs(experts.zj);
    ok(await saveReviewAction({ assignmentId: state.assignments["gd1:zj"], ...sheet(8, 16) })); // 80
    signInAs(experts.sh);
    ok(await saveReviewAction({ assignmentId: state.assignments["gd2:sh"], ...sheet(10, 20) })); // 100 → spread 40
    ok(await saveReviewAction({ assignmentId: state.assignments["zj1:sh"], ...sheet(7, 14) })); // 70
    signInAs(experts.gd);
    ok(await saveReviewAction({ assignmentId: state.assignments["zj1:gd"], ...sheet(7, 15) })); // 35 + 37.5 = 72.5
    signInAs(testUsers.ministry);
    ok(await finishReviewAction({ batchId: state.batchId }));
    expect(await batchStatus()).toBe("DECIDING");
    signInAs(experts.bj);
    refused(await saveReviewAction({ assignmentId: state.assignments["gd1:bj"], ...sheet(1, 1) }), "INVALID_TRANSITION", "wrongPhase");
  });

  it("6 · results: decisions with reasons and a cut line; notice published", async () => {
    signInAs(testUsers.ministry);
    refused(await publishNoticeAction({ batchId: state.batchId, noticeEndsAt: "2099-01-01T00:00" }), "INVALID_TRANSITION", "undecided");
    refused(await decideByCutLineAction({ batchId: state.batchId }), "INVALID_TRANSITION", "noCutLine");
    ok(await setCutLineAction({ batchId: state.batchId, cutLine: 75 }));
    ok(await decideAction({ applicationId: state.apps.gd2, selected: true, reason: "专家分歧较大，经复核予以入选" }));
    expect(ok(await decideByCutLineAction({ batchId: state.batchId }))).toEqual({ selected: 1 });
    const d = await t.client.selectionDecision.findMany({ orderBy: { rank: "asc" } });
    // gd1: (90 + 80) / 2 = 85 → rank 1; gd2: (60 + 100) / 2 = 80 → rank 2; zj1: (70 + 72.5) / 2 = 71.25 → rank 3.
    expect(d.map((x) => [x.applicationId, x.finalScore, x.rank, x.selected])).toEqual([
      [state.apps.gd1, 85, 1, true],
      [state.apps.gd2, 80, 2, true],
      [state.apps.zj1, 71.25, 3, false],
    ]);
    expect(d[2].reason).toContain("低于分数线 75.00");
    const tooSoon = new Date(Date.now() + 8 * 3600_000 + 2 * 24 * 3600_000).toISOString().slice(0, 16);
    refused(await publishNoticeAction({ batchId: state.batchId, noticeEndsAt: tooSoon }), "VALIDATION", "noticeTooShort");
    const end = new Date(Date.now() + 8 * 3600_000 + 6 * 24 * 3600_000).toISOString().slice(0, 16);
    ok(await publishNoticeAction({ batchId: state.batchId, noticeEndsAt: end }));
    expect(await batchStatus()).toBe("NOTICE");
  });

  it("7 · objections: anyone lodges (limited per IP in the database); upheld removes the selection", async () => {
    signInAs(null);
    const obj = (applicationId: string) => ({ applicationId, name: "张三", contact: "13800000000", text: "该校实训基地面积与申报材料不符。" });
    refused(await lodgeObjectionAction(obj(state.apps.zj1)), "NOT_FOUND"); // not selected: nothing to object to
    const o1 = ok(await lodgeObjectionAction(obj(state.apps.gd1))).id;
    const o2 = ok(await lodgeObjectionAction(obj(state.apps.gd2))).id;
    ok(await lodgeObjectionAction(obj(state.apps.gd2)));
    refused(await lodgeObjectionAction(obj(state.apps.gd2)), "RATE_LIMITED");
    ip.current = "198.51.100.9";
    const o4 = ok(await lodgeObjectionAction(obj(state.apps.gd2))).id;
    expect(await t.client.selectionObjection.count({ where: { batchId: state.batchId } })).toBe(4);

    signInAs(testUsers.ministry);
    refused(
      await announceAction({ batchId: state.batchId, documentNo: "人社部函〔2025〕1号", startDate: "2025-07-01", endDate: "2028-06-30" }),
      "INVALID_TRANSITION",
      "noticeNotOver",
    );
    ok(await resolveObjectionAction({ objectionId: o1, outcome: "UPHELD", resolution: "经核查，实训基地面积不实，取消入选资格" }));
    refused(await resolveObjectionAction({ objectionId: o1, outcome: "DISMISSED", resolution: "x" }), "INVALID_TRANSITION", "outOfOrder");
    expect(await status(state.apps.gd1)).toBe("REMOVED");
    const dec = await t.client.selectionDecision.findUniqueOrThrow({ where: { applicationId: state.apps.gd1 } });
    expect(dec.removedReason).toContain("取消入选资格");
    ok(await resolveObjectionAction({ objectionId: o2, outcome: "DISMISSED", resolution: "经核查，材料属实" }));
    // The notice period ends (time passes): one objection is still open.
    await t.client.selectionBatch.update({ where: { id: state.batchId }, data: { noticeEndsAt: new Date(Date.now() - 1000) } });
    signInAs(null);
    refused(await lodgeObjectionAction(obj(state.apps.gd2)), "INVALID_TRANSITION", "noticeClosed");
    signInAs(testUsers.ministry);
    refused(
      await announceAction({ batchId: state.batchId, documentNo: "人社部函〔2025〕1号", startDate: "2025-07-01", endDate: "2028-06-30" }),
      "INVALID_TRANSITION",
      "openObjections",
    );
    const rest = await t.client.selectionObjection.findMany({ where: { batchId: state.batchId, status: "OPEN" } });
    expect(rest.map((r) => r.id).sort()).toEqual([o4, rest.find((r) => r.id !== o4)!.id].sort());
    for (const r of rest) ok(await resolveObjectionAction({ objectionId: r.id, outcome: "DISMISSED", resolution: "经核查，材料属实" }));
  });

  it("8 · announcement makes designations; acceptance and revocation follow", async () => {
    signInAs(testUsers.ministry);
    refused(await announceAction({ batchId: state.batchId, documentNo: "人社部函〔2025〕1号", startDate: "2025-07-01", endDate: "2025-06-30" }), "VALIDATION");
    expect(ok(await announceAction({ batchId: state.batchId, documentNo: "人社部函〔2025〕1号", startDate: "2025-07-01", endDate: "2028-06-30" }))).toEqual({
      designations: 1,
    });
    expect(await batchStatus()).toBe("ANNOUNCED");
    expect(await status(state.apps.gd2)).toBe("DESIGNATED");
    expect(await status(state.apps.gd1)).toBe("REMOVED");
    expect(await status(state.apps.zj1)).toBe("NOT_SELECTED");
    const des = await t.client.designation.findMany({ where: { schoolId: S.gd2 } });
    expect(des).toHaveLength(1);
    expect(des[0]).toMatchObject({
      kind: "QUALITY_SCHOOL",
      level: "NATIONAL",
      status: "ACTIVE",
      documentNo: "人社部函〔2025〕1号",
      batchLabel: "2025年度优质技工院校（测试）",
    });
    expect(des[0].endDate?.toISOString().slice(0, 10)).toBe("2028-06-30");
    refused(
      await announceAction({ batchId: state.batchId, documentNo: "x", startDate: "2025-07-01", endDate: "2028-06-30" }),
      "INVALID_TRANSITION",
      "outOfOrder",
    );

    const announced = async () =>
      ((await (await progressGET(new Request("http://localhost/api/v1/progress"))).json()) as { schools: { announced: number } }).schools.announced;
    expect(await announced()).toBe(2); // the fixture's earlier designation and this one
    ok(await designationStepAction({ designationId: des[0].id, step: "accept", reason: "2028年验收通过" }));
    expect(await announced()).toBe(2); // accepted still counts
    refused(await designationStepAction({ designationId: des[0].id, step: "fail", reason: "x" }), "INVALID_TRANSITION", "outOfOrder");
    ok(await designationStepAction({ designationId: des[0].id, step: "revoke", reason: "违规办学" }));
    expect((await t.client.designation.findUniqueOrThrow({ where: { id: des[0].id } })).status).toBe("REVOKED");
    expect(await announced()).toBe(1); // revoked does not

    // Now eligible again? No: a revoked designation does not block a new application, but this batch is closed.
    signInAs(testUsers.gdOfficer);
    refused(await createApplicationAction({ batchId: state.batchId, schoolId: S.gd3 }), "VALIDATION", "eligibility.batchNotOpen");
  });

  it("GET /api/v1/progress counts the designation against 300 / 500, and refuses query parameters", async () => {
    signInAs(null);
    const res = await progressGET(new Request("http://localhost/api/v1/progress"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const body = await res.json();
    // The fixture's earlier designation (东莞) stands; this batch's one was revoked in step 8.
    expect(body.schools).toEqual({ target: 300, announced: 1, inProcess: 0 });
    expect(body.majors).toEqual({ target: 500, announced: 0, inProcess: 0 });
    expect(body.byAuthority.find((a: { authorityId: string }) => a.authorityId === "guangdong").schools).toEqual({ announced: 1, inProcess: 0 });
    expect(body.byAuthority).toHaveLength(4);
    expect(body.byBatch).toEqual([expect.objectContaining({ id: state.batchId, target: 2, announced: 0, inProcess: 0, status: "ANNOUNCED" })]);
    const bad = await progressGET(new Request("http://localhost/api/v1/progress?authority=guangdong"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("VALIDATION");
  });

  it("ledger: the applying authority sees why, with experts anonymised; the ministry sees names", async () => {
    signInAs(testUsers.zjOfficer);
    const zj = await loadApplication(state.apps.zj1);
    expect(zj.ledger).not.toBeNull();
    expect(zj.ledger!.final).toBe(71.25);
    expect(zj.ledger!.rank).toBe(3);
    expect(zj.ledger!.batch.cutLine).toBe(75);
    expect(zj.ledger!.decision).toMatchObject({ selected: false });
    expect(zj.ledger!.decision!.reason).toContain("低于分数线");
    expect(zj.ledger!.experts.map((e) => [e.letter, e.name, e.internalComment])).toEqual([
      ["A", null, null],
      ["B", null, null],
    ]);
    expect(zj.ledger!.experts[0].feedback).toBe("建议加强校企合作");
    expect(JSON.stringify(zj.ledger)).not.toContain("专家");
    expect(JSON.stringify(zj.ledger)).not.toContain("内部意见");
    signInAs(testUsers.gdOfficer);
    const removed = await loadApplication(state.apps.gd1);
    expect(removed.ledger!.decision!.removedReason).toContain("取消入选资格");
    await expect(loadApplication(state.apps.zj1)).rejects.toThrow("NEXT_NOT_FOUND");
    signInAs(testUsers.ministry);
    const m = await loadApplication(state.apps.zj1);
    expect(m.ledger!.experts.map((e) => e.name).sort()).toEqual([experts.gd.displayName, experts.sh.displayName].sort());
    expect(m.ledger!.experts[0].internalComment).toBe("内部意见");
  });

  it("9 · every step left an audit event in its transaction", async () => {
    const actions = (await t.client.auditEvent.findMany({ select: { action: true } })).map((a) => a.action);
    for (const a of [
      "selection.batch.create",
      "selection.batch.indicators",
      "selection.batch.quotas",
      "selection.batch.open",
      "selection.application.create",
      "selection.application.update",
      "selection.application.submit",
      "selection.application.reopen",
      "selection.application.recommend",
      "selection.application.lapse",
      "selection.batch.startReview",
      "selection.affiliation.declare",
      "selection.review.assign",
      "selection.review.submit",
      "selection.batch.finishReview",
      "selection.batch.cutLine",
      "selection.application.decide",
      "selection.batch.publishNotice",
      "selection.objection.lodge",
      "selection.objection.uphold",
      "selection.objection.dismiss",
      "selection.application.remove",
      "designation.create",
      "selection.application.designate",
      "selection.batch.announce",
      "designation.status",
    ]) {
      expect(actions, a).toContain(a);
    }
    // Refused steps wrote nothing: exactly one announce event.
    expect(actions.filter((a) => a === "selection.batch.announce")).toHaveLength(1);
    const designationEvents = await t.client.auditEvent.findMany({ where: { entityType: "Designation" } });
    expect(designationEvents.every((e) => e.authorityId === "guangdong")).toBe(true);
  });
});
