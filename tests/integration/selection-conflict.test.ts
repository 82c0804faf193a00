import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { createBatchAction, openBatchAction, saveIndicatorsAction, saveQuotasAction, startReviewAction } from "@/lib/selection/batches/actions";
import { createApplicationAction, saveApplicationAction, saveRecommendationsAction, submitApplicationAction } from "@/lib/selection/applications/actions";
import { assignExpertAction, declareAffiliationAction, saveReviewAction } from "@/lib/selection/reviews/actions";
import { loadApplication } from "@/lib/selection/applications/loaders";
import { loadMyReviews, loadReview } from "@/lib/selection/reviews/loaders";
import { uploadAttachment } from "@/lib/selection/attachments/upload";
import { GET as downloadAttachment } from "@/app/(console)/console/selection/attachments/[id]/route";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { batchForm, experts, INDICATORS, S, seedSelectionFixtures } from "./selection-fixtures";
import { peerHeaders } from "../support/peer";

// Actions and the upload route read the request context (the client's address) from the headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("192.0.2.1")) }));

/**
 * An expert can never open an application of their own authority (or of a school they declared),
 * by any route: the review page loader, the application loader, the score action, the attachment
 * download, the task list. Each route is first shown to work for an unconflicted expert, so the
 * refusals are real.
 */
let t: TestDb;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sel-coi-"));
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const ids = { app: "", zjApp: "", attachment: "", bjAssignment: "", zjAssignment: "" };

function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.detail ?? r.fieldErrors)}`);
  return r.data;
}
const upload = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
  const fd = new FormData();
  fd.set("file", new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
  return uploadAttachment(ids.app, new Request("http://localhost/x", { method: "POST", body: fd }));
};
const download = (id: string) => downloadAttachment(new Request(`http://localhost/console/selection/attachments/${id}`), { params: Promise.resolve({ id }) });
const version = async (id: string) => (await t.client.selectionApplication.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
  signInAs(testUsers.admin);
  const batchId = ok(await createBatchAction(batchForm({ nameZh: "冲突回避测试批次", defaultQuota: "2" }))).id;
  ok(await saveIndicatorsAction({ batchId, indicators: INDICATORS }));
  ok(await saveQuotasAction({ batchId, defaultQuota: 2, quotas: [] }));
  ok(await openBatchAction({ batchId }));
  const sa = { Q1: { score: 8, note: "" }, Q2: { score: 15, note: "" } };
  for (const [user, school, key] of [
    [testUsers.gdOfficer, S.gd1, "app"],
    [testUsers.zjOfficer, S.zj1, "zjApp"],
  ] as const) {
    signInAs(user);
    const id = ok(await createApplicationAction({ batchId, schoolId: school })).id;
    ids[key] = id;
    ok(await saveApplicationAction({ applicationId: id, version: await version(id), selfAssessment: sa, evidenceText: "见附件", evidenceLinks: [] }));
    if (key === "app") {
      ids.attachment = (await upload(PDF, "证明材料.pdf")).id;
      await expect(upload(new TextEncoder().encode("<html>not a pdf</html>"), "伪装.pdf")).rejects.toMatchObject({
        code: "VALIDATION",
        detail: { reason: "attachment.notPdf" },
      });
    }
    ok(await submitApplicationAction({ applicationId: id, version: await version(id) }));
    ok(await saveRecommendationsAction({ batchId, ordered: [id] }));
  }
  signInAs(testUsers.ministry);
  ok(await startReviewAction({ batchId }));
  ids.bjAssignment = ok(await assignExpertAction({ applicationId: ids.app, expertId: experts.bj.id })).id;
  ids.zjAssignment = ok(await assignExpertAction({ applicationId: ids.app, expertId: experts.zj.id })).id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("conflict of interest is enforced on every route", () => {
  it("an unconflicted assigned expert can open the review and the attachment (control)", async () => {
    signInAs(experts.bj);
    const r = await loadReview(ids.bjAssignment);
    expect(r.review.application.id).toBe(ids.app);
    expect(r.review.application.attachments.map((a) => a.fileName)).toEqual(["证明材料.pdf"]);
    const res = await download(ids.attachment);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect((await loadMyReviews()).assignments.map((a) => a.id)).toEqual([ids.bjAssignment]);
    // The bytes are in the database (one stored file: the refused upload left none), not in DATA_DIR.
    expect(await t.client.storedFile.count()).toBe(1);
    expect(fs.existsSync(path.join(dataDir, "attachments"))).toBe(false);
  });

  it("an expert of the applicant's own authority is refused by the loader, the action and the download", async () => {
    // The expert's home authority becomes the applicant's after assignment (a move, or bad data).
    await t.client.user.update({ where: { id: experts.bj.id }, data: { authorityId: "guangdong" } });
    // The session still says "beijing": the check reads the user row, not the token.
    signInAs(experts.bj);
    await expect(loadReview(ids.bjAssignment)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(loadApplication(ids.app)).rejects.toThrow("NEXT_FORBIDDEN");
    const [q1, q2] = await t.client.selectionIndicator.findMany({ where: { batch: { nameZh: "冲突回避测试批次" } }, orderBy: { sortOrder: "asc" } });
    const r = await saveReviewAction({
      assignmentId: ids.bjAssignment,
      scores: { [q1.id]: 5, [q2.id]: 5 },
      internalComment: "",
      applicantFeedback: "",
      submit: true,
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN", detail: { reason: "conflict.sameAuthority" } });
    expect((await download(ids.attachment)).status).toBe(404);
    expect((await loadMyReviews()).assignments).toEqual([]);
    expect(await t.client.reviewScore.count({ where: { assignmentId: ids.bjAssignment } })).toBe(0);
  });

  it("the ministry is never offered, and cannot assign, an expert of the applicant's authority", async () => {
    signInAs(testUsers.ministry);
    const { loadBatchReview } = await import("@/lib/selection/results/loaders");
    const app = await t.client.selectionApplication.findUniqueOrThrow({ where: { id: ids.app } });
    const review = await loadBatchReview(app.batchId);
    const offers = review.apps.find((a) => a.id === ids.app)!.offers.map((o) => o.id);
    expect(offers).not.toContain(experts.gd.id);
    expect(offers).not.toContain(experts.bj.id);
    expect(offers).toContain(experts.sh.id);
    expect(await assignExpertAction({ applicationId: ids.app, expertId: experts.gd.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("a declared affiliation closes the application to the expert at once", async () => {
    signInAs(experts.zj);
    expect((await loadReview(ids.zjAssignment)).review.id).toBe(ids.zjAssignment);
    expect((await download(ids.attachment)).status).toBe(200);
    expect(ok(await declareAffiliationAction({ schoolId: S.gd1, note: "任该校客座教授" }))).toMatchObject({ withdrawn: 1 });
    await expect(loadReview(ids.zjAssignment)).rejects.toThrow("NEXT_NOT_FOUND");
    expect((await download(ids.attachment)).status).toBe(404);
    expect((await saveReviewAction({ assignmentId: ids.zjAssignment, scores: {}, internalComment: "", applicantFeedback: "", submit: false })).ok).toBe(false);
  });

  it("experts see only their own assignments; other users cannot open the attachment either", async () => {
    signInAs(experts.sh);
    await expect(loadReview(ids.bjAssignment)).rejects.toThrow("NEXT_NOT_FOUND");
    expect((await download(ids.attachment)).status).toBe(404);
    signInAs(testUsers.zjOfficer);
    expect((await download(ids.attachment)).status).toBe(404);
    await expect(loadApplication(ids.app)).rejects.toThrow("NEXT_NOT_FOUND");
    signInAs(testUsers.gdOfficer);
    expect((await download(ids.attachment)).status).toBe(200);
    signInAs(null);
    expect((await download(ids.attachment)).status).toBe(401);
  });
});
