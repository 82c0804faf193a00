import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import {
  cancelBatchAction,
  createBatchAction,
  finishReviewAction,
  openBatchAction,
  saveIndicatorsAction,
  startReviewAction,
} from "@/lib/selection/batches/actions";
import { createApplicationAction, saveApplicationAction, saveRecommendationsAction, submitApplicationAction } from "@/lib/selection/applications/actions";
import { assignExpertAction, saveReviewAction } from "@/lib/selection/reviews/actions";
import { decideByCutLineAction, setCutLineAction } from "@/lib/selection/results/actions";
import { announceAction, publishNoticeAction } from "@/lib/selection/notice/actions";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { batchForm, experts, INDICATORS, S, seedSelectionFixtures } from "./selection-fixtures";
import { peerHeaders } from "../support/peer";

/** A quality-MAJOR batch end to end (minimum one expert), and a cancelled batch. */
vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("192.0.2.1")) }));

let t: TestDb;
function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.detail ?? r.fieldErrors)}`);
  return r.data;
}
const version = async (id: string) => (await t.client.selectionApplication.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
  await t.client.majorCatalogEdition.create({ data: { id: "ed", code: "T", nameZh: "测试目录", nameEn: "Test", isCurrent: true } });
  await t.client.majorCategory.create({ data: { id: "cat", editionId: "ed", code: "01", nameZh: "机械类", nameEn: "Mechanical" } });
  await t.client.major.create({ data: { id: "m-cnc", editionId: "ed", categoryId: "cat", code: "0101", nameZh: "数控加工", nameEn: "CNC machining" } });
  await t.client.schoolMajor.createMany({
    data: [
      { id: "sm-gd1", schoolId: S.gd1, majorId: "m-cnc", level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5, status: "ENROLLING" },
      { id: "sm-zj1", schoolId: S.zj1, majorId: "m-cnc", level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5, status: "ENROLLING" },
    ],
  });
});
afterAll(async () => t.close());

it("a quality-major batch designates the school's major", async () => {
  signInAs(testUsers.admin);
  const batchId = ok(
    await createBatchAction(
      batchForm({
        nameZh: "优质专业测试批次",
        kind: "MAJOR",
        eligibleTiers: ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL"],
        minExperts: "1",
        noticeDays: "0",
      }),
    ),
  ).id;
  ok(await saveIndicatorsAction({ batchId, indicators: INDICATORS }));
  ok(await openBatchAction({ batchId }));

  signInAs(testUsers.gdOfficer);
  expect(await createApplicationAction({ batchId, schoolId: S.gd1 })).toMatchObject({ ok: false, detail: { reason: "eligibility.majorRequired" } });
  expect(await createApplicationAction({ batchId, schoolId: S.gd1, schoolMajorId: "sm-zj1" })).toMatchObject({
    ok: false,
    detail: { reason: "eligibility.majorNotOffered" },
  });
  const id = ok(await createApplicationAction({ batchId, schoolId: S.gd1, schoolMajorId: "sm-gd1" })).id;
  expect(await createApplicationAction({ batchId, schoolId: S.gd1, schoolMajorId: "sm-gd1" })).toMatchObject({
    ok: false,
    detail: { reason: "eligibility.alreadyApplied" },
  });
  ok(
    await saveApplicationAction({
      applicationId: id,
      version: await version(id),
      selfAssessment: { Q1: { score: 9, note: "" }, Q2: { score: 18, note: "" } },
      evidenceText: "",
      evidenceLinks: [],
    }),
  );
  ok(await submitApplicationAction({ applicationId: id, version: await version(id) }));
  ok(await saveRecommendationsAction({ batchId, ordered: [id] }));

  signInAs(testUsers.ministry);
  ok(await startReviewAction({ batchId }));
  const a = ok(await assignExpertAction({ applicationId: id, expertId: experts.bj.id })).id;
  const [q1, q2] = await t.client.selectionIndicator.findMany({ where: { batchId }, orderBy: { sortOrder: "asc" } });
  signInAs(experts.bj);
  ok(await saveReviewAction({ assignmentId: a, scores: { [q1.id]: 8, [q2.id]: 16 }, internalComment: "", applicantFeedback: "", submit: true }));
  signInAs(testUsers.ministry);
  ok(await finishReviewAction({ batchId }));
  ok(await setCutLineAction({ batchId, cutLine: 80 }));
  expect(ok(await decideByCutLineAction({ batchId }))).toEqual({ selected: 1 });
  // A zero-day notice still needs an end in the future.
  expect(await publishNoticeAction({ batchId, noticeEndsAt: "2020-01-01T00:00" })).toMatchObject({ ok: false, detail: { reason: "noticeTooShort" } });
  const soon = new Date(Date.now() + 8 * 3600_000 + 60_000).toISOString().slice(0, 19);
  ok(await publishNoticeAction({ batchId, noticeEndsAt: soon }));
  await t.client.selectionBatch.update({ where: { id: batchId }, data: { noticeEndsAt: new Date(Date.now() - 1000) } });
  expect(ok(await announceAction({ batchId, documentNo: "人社部函〔2025〕9号", startDate: "2025-07-01", endDate: "2028-06-30" }))).toEqual({ designations: 1 });
  const d = await t.client.designation.findFirstOrThrow({ where: { schoolId: S.gd1, kind: "QUALITY_MAJOR" } });
  expect(d).toMatchObject({ majorId: "m-cnc", level: "NATIONAL", status: "ACTIVE", title: "国家级优质专业建设单位", batchLabel: "优质专业测试批次" });

  // The same major of the same school cannot apply again while designated; another school's can.
  signInAs(testUsers.admin);
  const next = ok(await createBatchAction(batchForm({ nameZh: "优质专业测试批次二", kind: "MAJOR" }))).id;
  ok(await openBatchAction({ batchId: next }));
  signInAs(testUsers.gdOfficer);
  expect(await createApplicationAction({ batchId: next, schoolId: S.gd1, schoolMajorId: "sm-gd1" })).toMatchObject({
    ok: false,
    detail: { reason: "eligibility.alreadyDesignated" },
  });
  signInAs(testUsers.zjOfficer);
  ok(await createApplicationAction({ batchId: next, schoolId: S.zj1, schoolMajorId: "sm-zj1" }));

  // Cancelling: possible while applying, final afterwards.
  signInAs(testUsers.admin);
  expect(ok(await cancelBatchAction({ batchId: next }))).toEqual({ status: "CANCELLED" });
  expect(await openBatchAction({ batchId: next })).toMatchObject({
    ok: false,
    code: "INVALID_TRANSITION",
    detail: { reason: "outOfOrder", status: "CANCELLED" },
  });
  signInAs(testUsers.zjOfficer);
  expect(await createApplicationAction({ batchId: next, schoolId: S.zj1, schoolMajorId: "sm-zj1" })).toMatchObject({
    ok: false,
    detail: { reason: "eligibility.batchNotOpen" },
  });
});
