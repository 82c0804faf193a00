import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { systemScope } from "@/lib/auth/scope";
import { runWrite, type WriteContext } from "@/lib/db/unit-of-work";
import { clock } from "@/lib/kernel/dates";
import { actorOf } from "@/lib/request/actor";
import { createBatchAction, openBatchAction, saveIndicatorsAction, saveQuotasAction } from "@/lib/selection/batches/actions";
import { createApplicationAction, saveApplicationAction, submitApplicationAction } from "@/lib/selection/applications/actions";
import { assertAttachable } from "@/lib/selection/attachments/mutations";
import { uploadAttachment } from "@/lib/selection/attachments/upload";
import { GET as downloadRoute } from "@/app/(console)/console/selection/attachments/[id]/route";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";
import { batchForm, INDICATORS, S, seedSelectionFixtures } from "./selection-fixtures";

vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("192.0.2.1")) }));

/**
 * Issue 12, finding 4: evidence uploads are checked before anything is stored (an officer could
 * fill the store with refused 10 MB files) and each account has a 24-hour upload quota. Issue 14:
 * the bytes are stored in the database in the upload's transaction, so a refused or broken
 * upload leaves nothing (there is no orphan sweep any more), and downloads stream them back.
 */
let t: TestDb;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sel-attach-"));
const realNow = clock.now;
const MB = 1024 * 1024;
const ids = { batch: "", draft: "", submitted: "", otherBatchDraft: "" };
const saved = { ATTACHMENT_QUOTA_MB_PER_DAY: process.env.ATTACHMENT_QUOTA_MB_PER_DAY, DATA_DIR: process.env.DATA_DIR };

function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.detail ?? r.fieldErrors)}`);
  return r.data;
}
/** A PDF (by content) of `size` bytes, different for each `seed`. */
const pdf = (size: number, seed: string) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode(`%PDF-1.4\n% ${seed}\n`));
  return bytes;
};
const upload = (applicationId: string, bytes: Uint8Array) => {
  const body = new FormData();
  body.set("file", new File([new Uint8Array(bytes)], "证明材料.pdf", { type: "application/pdf" }));
  return uploadAttachment(applicationId, new Request("http://localhost/x", { method: "POST", body }));
};
/** Stored files (lib/files): one per accepted upload, none for a refused one. */
const files = () => t.client.storedFile.count();
const later = (hours: number) => {
  const at = realNow().getTime() + hours * 3600_000;
  clock.now = () => new Date(at);
};

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  process.env.ATTACHMENT_QUOTA_MB_PER_DAY = "10";
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
  const batches: string[] = [];
  for (const nameZh of ["附件测试批次", "附件测试批次（二）"]) {
    signInAs(testUsers.admin);
    const batchId = ok(await createBatchAction(batchForm({ nameZh, defaultQuota: "2" }))).id;
    ok(await saveIndicatorsAction({ batchId, indicators: INDICATORS }));
    ok(await saveQuotasAction({ batchId, defaultQuota: 2, quotas: [] }));
    ok(await openBatchAction({ batchId }));
    batches.push(batchId);
  }
  ids.batch = batches[0];
  signInAs(testUsers.gdOfficer);
  ids.draft = ok(await createApplicationAction({ batchId: ids.batch, schoolId: S.gd1 })).id;
  ids.otherBatchDraft = ok(await createApplicationAction({ batchId: batches[1], schoolId: S.gd1 })).id;
  ids.submitted = ok(await createApplicationAction({ batchId: ids.batch, schoolId: S.gd2 })).id;
  const version = (await t.client.selectionApplication.findUniqueOrThrow({ where: { id: ids.submitted } })).version;
  const selfAssessment = { Q1: { score: 8, note: "" }, Q2: { score: 15, note: "" } };
  ok(await saveApplicationAction({ applicationId: ids.submitted, version, selfAssessment, evidenceText: "见附件", evidenceLinks: [] }));
  ok(await submitApplicationAction({ applicationId: ids.submitted, version: version + 1 }));
});
afterAll(async () => {
  clock.now = realNow;
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe("evidence uploads: check first, store after", () => {
  it("a refused upload writes no file: another authority's application, a submitted one", async () => {
    signInAs(testUsers.zjOfficer);
    await expect(upload(ids.draft, pdf(1000, "zj"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    signInAs(testUsers.gdOfficer);
    const late = await upload(ids.submitted, pdf(1000, "late")).catch((e: unknown) => e);
    expect(await files()).toBe(0); // before issue 12: the file was written, then the state refused
    expect(late).toMatchObject({ code: "INVALID_TRANSITION", detail: { reason: "attachment.closed" } });
  });

  it("an upload past the account's 24-hour quota is refused before its file is written", async () => {
    signInAs(testUsers.gdOfficer);
    await upload(ids.draft, pdf(6 * MB, "first"));
    expect(await files()).toBe(1);
    await expect(upload(ids.draft, pdf(6 * MB, "second"))).rejects.toMatchObject({
      code: "VALIDATION",
      detail: { reason: "attachment.quota", quotaMb: 10 },
    });
    expect(await files()).toBe(1);
    later(25);
    await upload(ids.draft, pdf(6 * MB, "second"));
    expect(await files()).toBe(2);
  });

  it("two uploads at once cannot both take the last room under the quota (the account's lock)", async () => {
    later(50); // the earlier uploads are out of the 24 hours: room for one 6 MB file, not two
    const base = { actor: actorOf(testUsers.gdOfficer), scope: systemScope("guangdong"), now: clock.now() };
    const record = (ctx: WriteContext, applicationId: string) =>
      ctx.tx.selectionAttachment.create({
        data: { applicationId, fileName: "x.pdf", sizeBytes: 6 * MB, sha256: "0".repeat(64), uploadedById: "u-gd", createdAt: ctx.now },
      });
    let checked!: () => void;
    let release!: () => void;
    const firstChecked = new Promise<void>((resolve) => (checked = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Two batches, so no batch lock serialises them; the first pauses between its check and its row.
    const first = runWrite(base, async (ctx) => {
      await assertAttachable(ctx, ids.draft, 6 * MB);
      checked();
      await gate;
      await record(ctx, ids.draft);
    });
    await firstChecked;
    const second = runWrite(base, async (ctx) => {
      await assertAttachable(ctx, ids.otherBatchDraft, 6 * MB);
      await record(ctx, ids.otherBatchDraft);
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await first;
    await expect(second).rejects.toMatchObject({ code: "VALIDATION", detail: { reason: "attachment.quota" } });
  });
});

describe("the bytes: in the database, streamed in and out, all or nothing", () => {
  const counts = async () => ({ files: await t.client.storedFile.count(), chunks: await t.client.storedFileChunk.count() });

  it("a file refused mid-stream (too large, not a PDF) leaves no chunk behind", async () => {
    signInAs(testUsers.gdOfficer);
    later(200);
    const before = await counts();
    const big = pdf(10 * MB + 1, "big");
    await expect(upload(ids.draft, big)).rejects.toMatchObject({ code: "VALIDATION", detail: { reason: "attachment.tooLarge" } });
    await expect(upload(ids.draft, new TextEncoder().encode("MZ not a pdf"))).rejects.toMatchObject({ detail: { reason: "attachment.notPdf" } });
    await expect(upload(ids.draft, new Uint8Array())).rejects.toMatchObject({ detail: { reason: "attachment.empty" } });
    expect(await counts()).toEqual(before);
  });

  it("a body that breaks off mid-file is refused and leaves nothing (no sweep needed)", async () => {
    signInAs(testUsers.gdOfficer);
    later(300);
    const before = await counts();
    const rows = await t.client.selectionAttachment.count();
    const boundary = "----cut-off";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const part = pdf(700 * 1024, "cut");
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent >= 3) return controller.error(new TypeError("terminated"));
        controller.enqueue(part.subarray(sent * 200 * 1024, (sent + 1) * 200 * 1024));
        sent += 1;
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    await expect(uploadAttachment(ids.draft, request)).rejects.toMatchObject({ code: "VALIDATION", detail: { reason: "attachment.incomplete" } });
    expect(sent).toBe(3); // chunks were written before the break: the rollback took them
    expect(await counts()).toEqual(before);
    expect(await t.client.selectionAttachment.count()).toBe(rows);
  });

  it("an upload is stored in 256 KiB chunks and downloads byte for byte, with its length and hash", async () => {
    signInAs(testUsers.gdOfficer);
    later(400);
    const bytes = pdf(3 * MB + 12345, "round-trip");
    const { id } = await upload(ids.draft, bytes);
    const row = await t.client.selectionAttachment.findUniqueOrThrow({ where: { id }, select: { fileId: true, sizeBytes: true, sha256: true } });
    expect(row).toMatchObject({ sizeBytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    const chunks = await t.client.storedFileChunk.findMany({ where: { fileId: row.fileId! }, select: { seq: true, data: true }, orderBy: { seq: "asc" } });
    expect(chunks.map((c) => c.data.length)).toEqual([...Array(12).fill(256 * 1024), bytes.length - 12 * 256 * 1024]);
    const res = await downloadRoute(new Request(`http://localhost/console/selection/attachments/${id}`), { params: Promise.resolve({ id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "attachments"))).toBe(false);
  });
});
