import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { systemScope } from "@/lib/auth/scope";
import { runWrite, type WriteContext } from "@/lib/db/unit-of-work";
import { clock } from "@/lib/kernel/dates";
import { actorOf, systemActor } from "@/lib/request/actor";
import { createBatchAction, openBatchAction, saveIndicatorsAction, saveQuotasAction } from "@/lib/selection/batches/actions";
import { createApplicationAction, removeAttachmentAction, saveApplicationAction, submitApplicationAction } from "@/lib/selection/applications/actions";
import { assertAttachable, lockAttachmentFiles } from "@/lib/selection/attachments/mutations";
import { storeAttachment } from "@/lib/selection/attachments/storage";
import { sweepAttachmentFiles } from "@/lib/selection/attachments/sweep";
import { uploadAttachment } from "@/lib/selection/attachments/upload";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";
import { batchForm, INDICATORS, S, seedSelectionFixtures } from "./selection-fixtures";

vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("192.0.2.1")) }));

/**
 * Issue 12, finding 4: evidence uploads are checked before anything is stored (an officer could
 * fill the disk with refused 10 MB files), each account has a 24-hour upload quota, and files no
 * attachment row names are swept — never one whose upload is still in its transaction.
 */
let t: TestDb;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sel-attach-"));
const dir = path.join(dataDir, "attachments");
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
const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
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
    expect(files()).toEqual([]); // before: the file was written, then the state refused
    expect(late).toMatchObject({ code: "INVALID_TRANSITION", detail: { reason: "attachment.closed" } });
  });

  it("an upload past the account's 24-hour quota is refused before its file is written", async () => {
    signInAs(testUsers.gdOfficer);
    await upload(ids.draft, pdf(6 * MB, "first"));
    expect(files()).toHaveLength(1);
    await expect(upload(ids.draft, pdf(6 * MB, "second"))).rejects.toMatchObject({
      code: "VALIDATION",
      detail: { reason: "attachment.quota", quotaMb: 10 },
    });
    expect(files()).toHaveLength(1);
    later(25);
    await upload(ids.draft, pdf(6 * MB, "second"));
    expect(files()).toHaveLength(2);
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

describe("the sweep of unreferenced files", () => {
  it("removes files no row names and old temp files; keeps every named file (removed attachments too) and young temp files", async () => {
    signInAs(testUsers.gdOfficer);
    const attachment = await t.client.selectionAttachment.findFirstOrThrow({ where: { applicationId: ids.draft } });
    ok(await removeAttachmentAction({ attachmentId: attachment.id }));
    const orphan = await storeAttachment(pdf(2000, "orphan"));
    const [youngTemp, oldTemp] = [`.${crypto.randomUUID()}.tmp`, `.${crypto.randomUUID()}.tmp`];
    fs.writeFileSync(path.join(dir, youngTemp), "x");
    fs.writeFileSync(path.join(dir, oldTemp), "x");
    // Ages as the (moved) clock sees them.
    const twoHoursAgo = new Date(clock.now().getTime() - 2 * 3600_000);
    fs.utimesSync(path.join(dir, oldTemp), twoHoursAgo, twoHoursAgo);
    fs.utimesSync(path.join(dir, youngTemp), clock.now(), clock.now());
    const named = files().filter((f) => f.endsWith(".pdf") && f !== `${orphan}.pdf`);
    expect(named).toHaveLength(2);

    const { removed } = await sweepAttachmentFiles(clock.now());
    expect(removed.sort()).toEqual([`${orphan}.pdf`, oldTemp].sort());
    expect(files()).toEqual([...named, youngTemp].sort());
    fs.rmSync(path.join(dir, youngTemp));
  });

  it("waits for an upload still in its transaction: its file is kept once the row commits", async () => {
    const bytes = pdf(3000, "in-flight");
    let written!: (sha: string) => void;
    let release!: () => void;
    const fileWritten = new Promise<string>((resolve) => (written = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    // What addAttachment does, with a pause between the file and the row.
    const inFlight = runWrite({ actor: systemActor(), scope: null }, async (ctx) => {
      await lockAttachmentFiles(ctx.tx, "shared");
      const sha256 = await storeAttachment(bytes);
      written(sha256);
      await gate;
      await ctx.tx.selectionAttachment.create({ data: { applicationId: ids.draft, fileName: "x.pdf", sizeBytes: bytes.length, sha256 } });
    });
    const sha = await fileWritten;
    const sweeping = sweepAttachmentFiles(clock.now());
    await new Promise((r) => setTimeout(r, 300));
    release();
    await inFlight;
    expect((await sweeping).removed).not.toContain(`${sha}.pdf`);
    expect(files()).toContain(`${sha}.pdf`);
  });

  it("runs after an upload when this process has not swept for an hour", async () => {
    signInAs(testUsers.gdOfficer);
    later(80);
    const orphan = await storeAttachment(pdf(2000, "orphan-2"));
    await upload(ids.draft, pdf(1000, "sweeper"));
    expect(files()).not.toContain(`${orphan}.pdf`);
  });
});
