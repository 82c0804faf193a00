import "server-only";
import type { z } from "zod";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { env } from "@/lib/env";
import { refuse } from "@/lib/errors";
import { assertPhase, lockBatch } from "../common/mutations";
import { refuseStep } from "../refusal";
import type { removeAttachmentSchema } from "../schema";
import { inPhase } from "../states";
import { MAX_ATTACHMENTS_PER_APPLICATION } from "./rules";
import { storeAttachment } from "./storage";

type Tx = WriteContext["tx"];
export type NewAttachment = { applicationId: string; fileName: string; bytes: Uint8Array };

const DAY_MS = 24 * 3600_000;
/**
 * Held shared by an upload from its file write to its commit, exclusively by the sweep
 * (./sweep.ts): the sweep never runs between a file's write and its row's commit, so it never
 * takes a file whose row is on its way. (One lock per database: it works across app nodes.)
 */
const FILES_LOCK = "selection-attachment-files";

export async function lockAttachmentFiles(tx: Tx, mode: "shared" | "exclusive") {
  if (mode === "shared") await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${FILES_LOCK}))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${FILES_LOCK}))`;
}

/** The hashes among `sha256s` that some attachment row (removed or not) names; asked a thousand at a time. */
export async function referencedFiles(tx: Tx, sha256s: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < sha256s.length; i += 1000) {
    const rows = await tx.selectionAttachment.findMany({
      where: { sha256: { in: sha256s.slice(i, i + 1000) } },
      select: { sha256: true },
      distinct: ["sha256"],
    });
    for (const row of rows) found.add(row.sha256);
  }
  return found;
}

/**
 * Refuses unless this account may add `sizeBytes` of evidence to the application now: it exists
 * in the caller's scope, is a draft of a batch taking applications, has room for one more
 * attachment, and the account's uploads of the last 24 hours leave room under the quota
 * (ATTACHMENT_QUOTA_MB_PER_DAY). The upload runs it before reading the body and again in the write.
 */
export async function assertAttachable(ctx: WriteContext, applicationId: string, sizeBytes: number) {
  const { tx, scope, actor } = ctx;
  const app = await tx.selectionApplication.findUnique({ where: { id: applicationId }, select: { id: true, batchId: true, status: true, authorityId: true } });
  if (!app || (scope.authorityId && app.authorityId !== scope.authorityId)) refuse("NOT_FOUND");
  const batch = await lockBatch(tx, app.batchId);
  if (app.status !== "DRAFT" || !inPhase(batch.status, "applicationEdit")) refuse("INVALID_TRANSITION", { reason: "attachment.closed", status: app.status });
  const count = await tx.selectionAttachment.count({ where: { applicationId, removedAt: null } });
  if (count >= MAX_ATTACHMENTS_PER_APPLICATION) refuse("VALIDATION", { reason: "tooManyAttachments", max: MAX_ATTACHMENTS_PER_APPLICATION });
  if (actor.id) {
    // One account's uploads in turn (PostgreSQL; PGlite is serial anyway): two at once cannot both fit the last room.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attachment-quota:${actor.id}`}))`;
    const since = new Date(ctx.now.getTime() - DAY_MS);
    const used = await tx.selectionAttachment.aggregate({ where: { uploadedById: actor.id, createdAt: { gt: since } }, _sum: { sizeBytes: true } });
    const quotaMb = env().ATTACHMENT_QUOTA_MB_PER_DAY;
    if ((used._sum.sizeBytes ?? 0) + sizeBytes > quotaMb * 1024 * 1024) refuse("VALIDATION", { reason: "attachment.quota", quotaMb });
  }
  return app;
}

/**
 * Adds an evidence PDF (content already checked) to a draft application: checks first, then the
 * file, then its row and audit event, in one transaction. A refused upload writes no file; a file
 * whose transaction fails after the write has no row and is removed by the sweep.
 */
export async function addAttachment(ctx: WriteContext, { applicationId, fileName, bytes }: NewAttachment) {
  const app = await assertAttachable(ctx, applicationId, bytes.length);
  await lockAttachmentFiles(ctx.tx, "shared");
  const sha256 = await storeAttachment(bytes);
  const file = { fileName, sizeBytes: bytes.length, sha256 };
  const a = await ctx.tx.selectionAttachment.create({
    data: { applicationId, ...file, uploadedById: ctx.actor.id, createdAt: ctx.now },
    select: { id: true },
  });
  await ctx.audit({
    action: "selection.attachment.add",
    entityType: "SelectionApplication",
    entityId: applicationId,
    authorityId: app.authorityId,
    after: { attachmentId: a.id, ...file },
  });
  return { id: a.id };
}

/** Takes an attachment off a draft (the row and the file stay: nothing is hard-deleted). */
export async function removeAttachment(ctx: WriteContext, { attachmentId }: z.output<typeof removeAttachmentSchema>) {
  const { tx, scope } = ctx;
  const at = await tx.selectionAttachment.findUnique({
    where: { id: attachmentId },
    select: { id: true, removedAt: true, fileName: true, application: { select: { id: true, batchId: true, status: true, authorityId: true } } },
  });
  if (!at || at.removedAt || (scope.authorityId && at.application.authorityId !== scope.authorityId)) refuse("NOT_FOUND");
  const b = await lockBatch(tx, at.application.batchId);
  assertPhase(b.status, "applicationEdit");
  if (at.application.status !== "DRAFT") refuseStep("application", "attach", at.application.status);
  await tx.selectionAttachment.update({ where: { id: at.id }, data: { removedAt: ctx.now }, select: { id: true } });
  await ctx.audit({
    action: "selection.attachment.remove",
    entityType: "SelectionApplication",
    entityId: at.application.id,
    authorityId: at.application.authorityId,
    before: { attachmentId: at.id, fileName: at.fileName },
  });
  return null;
}
