import "server-only";
import type { z } from "zod";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { assertPhase, lockBatch } from "../common/mutations";
import { refuseStep } from "../refusal";
import type { removeAttachmentSchema } from "../schema";
import { MAX_ATTACHMENTS_PER_APPLICATION } from "./rules";

export type StoredAttachment = { applicationId: string; fileName: string; sizeBytes: number; sha256: string };

/** Records an uploaded (already stored and checked) PDF on a draft application of the caller's authority. */
export async function addAttachment(ctx: WriteContext, { applicationId, ...file }: StoredAttachment) {
  const { tx, scope } = ctx;
  const app = await tx.selectionApplication.findUnique({
    where: { id: applicationId },
    select: { id: true, batchId: true, status: true, authorityId: true },
  });
  if (!app || (scope.authorityId && app.authorityId !== scope.authorityId)) refuse("NOT_FOUND");
  const b = await lockBatch(tx, app.batchId);
  assertPhase(b.status, "applicationEdit");
  if (app.status !== "DRAFT") refuseStep("application", "attach", app.status);
  const count = await tx.selectionAttachment.count({ where: { applicationId, removedAt: null } });
  if (count >= MAX_ATTACHMENTS_PER_APPLICATION) refuse("VALIDATION", { reason: "tooManyAttachments", max: MAX_ATTACHMENTS_PER_APPLICATION });
  const a = await tx.selectionAttachment.create({ data: { applicationId, ...file, uploadedById: ctx.actor.id }, select: { id: true } });
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
