import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorityScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/mutations";
import { Refusal } from "@/lib/errors";
import { assertPhase, lockBatch } from "../common/mutations";
import { refuse, refuseStep, type Actor } from "../refusal";
import { MAX_ATTACHMENTS_PER_APPLICATION } from "./rules";

/** Records an uploaded (already stored and checked) PDF on a draft application of the caller's authority. */
export async function addAttachment(actor: Actor, scope: AuthorityScope, applicationId: string, file: { fileName: string; sizeBytes: number; sha256: string }) {
  return db().$transaction(async (tx) => {
    const app = await tx.selectionApplication.findUnique({
      where: { id: applicationId },
      select: { id: true, batchId: true, status: true, authorityId: true },
    });
    if (!app || (scope.authorityId && app.authorityId !== scope.authorityId)) throw new Refusal("NOT_FOUND");
    const b = await lockBatch(tx, app.batchId);
    assertPhase(b.status, "applicationEdit");
    if (app.status !== "DRAFT") refuseStep("application", "attach", app.status);
    const count = await tx.selectionAttachment.count({ where: { applicationId, removedAt: null } });
    if (count >= MAX_ATTACHMENTS_PER_APPLICATION) refuse("VALIDATION", "tooManyAttachments", { max: MAX_ATTACHMENTS_PER_APPLICATION });
    const a = await tx.selectionAttachment.create({ data: { applicationId, ...file, uploadedById: actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "selection.attachment.add",
      entityType: "SelectionApplication",
      entityId: applicationId,
      authorityId: app.authorityId,
      after: { attachmentId: a.id, ...file },
    });
    return { id: a.id };
  });
}

/** Takes an attachment off a draft (the row and the file stay: nothing is hard-deleted). */
export async function removeAttachment(actor: Actor, scope: AuthorityScope, attachmentId: string) {
  return db().$transaction(async (tx) => {
    const at = await tx.selectionAttachment.findUnique({
      where: { id: attachmentId },
      select: { id: true, removedAt: true, fileName: true, application: { select: { id: true, batchId: true, status: true, authorityId: true } } },
    });
    if (!at || at.removedAt || (scope.authorityId && at.application.authorityId !== scope.authorityId)) throw new Refusal("NOT_FOUND");
    const b = await lockBatch(tx, at.application.batchId);
    assertPhase(b.status, "applicationEdit");
    if (at.application.status !== "DRAFT") refuseStep("application", "attach", at.application.status);
    await tx.selectionAttachment.update({ where: { id: at.id }, data: { removedAt: new Date() }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "selection.attachment.remove",
      entityType: "SelectionApplication",
      entityId: at.application.id,
      authorityId: at.application.authorityId,
      before: { attachmentId: at.id, fileName: at.fileName },
    });
  });
}
