import "server-only";
import type { z } from "zod";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { env } from "@/lib/env";
import { refuse } from "@/lib/errors";
import { storeFile } from "@/lib/files/mutations";
import { assertPhase, lockBatch } from "../common/mutations";
import { refuseStep } from "../refusal";
import type { removeAttachmentSchema } from "../schema";
import { inPhase } from "../states";
import { checkedPdf } from "./checked";
import { cleanFileName, MAX_ATTACHMENTS_PER_APPLICATION } from "./rules";

/** The upload, opened only once every check has passed: its file name and its bytes as they arrive. */
export type IncomingFile = { fileName: string; bytes: AsyncIterable<Uint8Array> };
export type NewAttachment = { applicationId: string; open: () => Promise<IncomingFile> };

const DAY_MS = 24 * 3600_000;

/**
 * Refuses unless this account may add `sizeBytes` of evidence to the application now: it exists
 * in the caller's scope, is a draft of a batch taking applications, has room for one more
 * attachment, and the account's uploads of the last 24 hours leave room under the quota
 * (ATTACHMENT_QUOTA_MB_PER_DAY). Returns the application and the bytes left under the quota
 * (null: a system write, no quota); the account's lock is held to the end of the transaction.
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
    const room = quotaMb * 1024 * 1024 - (used._sum.sizeBytes ?? 0);
    if (sizeBytes > room) refuse("VALIDATION", { reason: "attachment.quota", quotaMb });
    return { app, room };
  }
  return { app, room: null };
}

/**
 * Adds an evidence PDF to a draft application, in one transaction and in this order: the checks
 * (scope, draft, open batch, count, quota), then the bytes — read from the request only now, into
 * stored chunks, refused at the first piece that is too large, over the quota or not a PDF —,
 * then the row and its audit event. A refusal or a broken upload rolls back all of it.
 */
export async function addAttachment(ctx: WriteContext, { applicationId, open }: NewAttachment) {
  const { app, room } = await assertAttachable(ctx, applicationId, 0);
  const incoming = await open();
  const stored = await storeFile(ctx.tx, checkedPdf(incoming.bytes, room), "application/pdf");
  const file = { fileName: cleanFileName(incoming.fileName), sizeBytes: stored.sizeBytes, sha256: stored.sha256 };
  const a = await ctx.tx.selectionAttachment.create({
    data: { applicationId, ...file, fileId: stored.id, uploadedById: ctx.actor.id, createdAt: ctx.now },
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

/** Takes an attachment off a draft (the row and its stored file stay: nothing is hard-deleted). */
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
