import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/mutations";
import { Refusal } from "@/lib/errors";
import { lockBatch } from "../common/mutations";
import { addDays, parseDateOnly } from "../dates";
import { designationKindFor } from "../programme";
import { refuse, refusePhase, refuseStep, type Actor } from "../refusal";
import { batchTable, designationTable, objectionTable, transition } from "../states";

/** Per IP, at most this many objections in the window (counted in the database, across processes). */
export const OBJECTION_LIMIT = { max: 3, windowMs: 60 * 60 * 1000 };

const batchAudit = (actor: Actor, action: string, batchId: string, before: unknown, after: unknown) => ({
  actor,
  action,
  entityType: "SelectionBatch",
  entityId: batchId,
  before,
  after,
});

/**
 * 公示: the selected list goes public until `noticeEndsAt`, which may not be sooner than the
 * batch's notice period. Every reviewed application must be decided and the cut line recorded.
 */
export async function publishNotice(actor: Actor, batchId: string, noticeEndsAt: Date, now = new Date()) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    const t = transition(batchTable, b.status, "publishNotice");
    if (!t.ok) refuseStep("batch", "publishNotice", b.status);
    const undecided = await tx.selectionApplication.count({ where: { batchId, status: "RECOMMENDED" } });
    if (undecided) refuse("INVALID_TRANSITION", "undecided", { count: undecided });
    if (b.cutLine === null) refuse("INVALID_TRANSITION", "noCutLine");
    const earliest = addDays(now, b.noticeDays);
    // A minute's grace for the time the form took to send.
    if (noticeEndsAt <= now || noticeEndsAt.getTime() < earliest.getTime() - 60_000) refuse("VALIDATION", "noticeTooShort", { days: b.noticeDays });
    await tx.selectionBatch.update({ where: { id: batchId }, data: { status: t.to, noticeStartsAt: now, noticeEndsAt }, select: { id: true } });
    await recordAudit(
      tx,
      batchAudit(actor, "selection.batch.publishNotice", batchId, { status: b.status }, { status: t.to, noticeStartsAt: now, noticeEndsAt }),
    );
  });
}

/** Anyone may object to a selection during the notice; limited per IP (hash) in the database. */
export async function lodgeObjection(input: { applicationId: string; name: string; contact: string; text: string }, ipHash: string, now = new Date()) {
  return db().$transaction(async (tx) => {
    const app = await tx.selectionApplication.findUnique({
      where: { id: input.applicationId },
      select: { id: true, batchId: true, status: true, authorityId: true },
    });
    if (!app) throw new Refusal("NOT_FOUND");
    const b = await lockBatch(tx, app.batchId);
    if (b.status !== "NOTICE" || !b.noticeEndsAt || now >= b.noticeEndsAt) refuse("INVALID_TRANSITION", "noticeClosed");
    if (app.status !== "SELECTED") throw new Refusal("NOT_FOUND");
    // Serialise objections from one IP so two parallel requests cannot both pass the count.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${ipHash}))`;
    const recent = await tx.selectionObjection.count({ where: { ipHash, createdAt: { gte: new Date(now.getTime() - OBJECTION_LIMIT.windowMs) } } });
    if (recent >= OBJECTION_LIMIT.max) throw new Refusal("RATE_LIMITED");
    const o = await tx.selectionObjection.create({ data: { ...input, batchId: b.id, ipHash, createdAt: now }, select: { id: true } });
    // The public's contact details stay out of the audit trail's after-values.
    await recordAudit(tx, {
      actor: { id: null, label: input.name },
      action: "selection.objection.lodge",
      entityType: "SelectionObjection",
      entityId: o.id,
      authorityId: app.authorityId,
      after: { applicationId: app.id, batchId: b.id },
      source: "web",
    });
    return { id: o.id };
  });
}

/** Upheld removes the selection (with the reason); dismissed leaves it. */
export async function resolveObjection(actor: Actor, objectionId: string, outcome: "UPHELD" | "DISMISSED", resolution: string) {
  return db().$transaction(async (tx) => {
    const o = await tx.selectionObjection.findUnique({
      where: { id: objectionId },
      select: { id: true, status: true, batchId: true, applicationId: true, application: { select: { status: true, authorityId: true } } },
    });
    if (!o) throw new Refusal("NOT_FOUND");
    const b = await lockBatch(tx, o.batchId);
    if (b.status !== "NOTICE") refusePhase("objection", b.status);
    const t = transition(objectionTable, o.status, outcome === "UPHELD" ? "uphold" : "dismiss");
    if (!t.ok) refuseStep("objection", outcome === "UPHELD" ? "uphold" : "dismiss", o.status);
    const now = new Date();
    await tx.selectionObjection.update({
      where: { id: o.id },
      data: { status: t.to, resolution, resolvedById: actor.id, resolvedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: `selection.objection.${outcome === "UPHELD" ? "uphold" : "dismiss"}`,
      entityType: "SelectionObjection",
      entityId: o.id,
      authorityId: o.application.authorityId,
      before: { status: o.status },
      after: { status: t.to },
      reason: resolution,
    });
    if (outcome === "UPHELD" && o.application.status === "SELECTED") {
      await tx.selectionApplication.update({ where: { id: o.applicationId }, data: { status: "REMOVED", version: { increment: 1 } }, select: { id: true } });
      await tx.selectionDecision.update({
        where: { applicationId: o.applicationId },
        data: { removedAt: now, removedReason: resolution },
        select: { applicationId: true },
      });
      await recordAudit(tx, {
        actor,
        action: "selection.application.remove",
        entityType: "SelectionApplication",
        entityId: o.applicationId,
        authorityId: o.application.authorityId,
        before: { status: "SELECTED" },
        after: { status: "REMOVED" },
        reason: resolution,
      });
    }
  });
}

/**
 * 公布: after the notice period, with no objection open, each remaining selection becomes a
 * national Designation on its school (and major), valid to the end of the construction period.
 */
export async function announce(actor: Actor, input: { batchId: string; documentNo: string; startDate: string; endDate: string }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, input.batchId);
    const t = transition(batchTable, b.status, "announce");
    if (!t.ok) refuseStep("batch", "announce", b.status);
    if (!b.noticeEndsAt || now < b.noticeEndsAt) refuse("INVALID_TRANSITION", "noticeNotOver", { endsAt: b.noticeEndsAt?.toISOString() });
    const open = await tx.selectionObjection.count({ where: { batchId: b.id, status: "OPEN" } });
    if (open) refuse("INVALID_TRANSITION", "openObjections", { count: open });
    const selected = await tx.selectionApplication.findMany({
      where: { batchId: b.id, status: "SELECTED" },
      orderBy: { id: "asc" },
      select: { id: true, schoolId: true, authorityId: true, schoolMajor: { select: { majorId: true } } },
    });
    const kind = designationKindFor(b.kind);
    for (const a of selected) {
      const data = {
        schoolId: a.schoolId,
        majorId: a.schoolMajor?.majorId ?? null,
        kind,
        level: "NATIONAL" as const,
        title: kind === "QUALITY_SCHOOL" ? "国家级优质技工院校建设单位" : "国家级优质专业建设单位",
        batchLabel: b.nameZh,
        status: "ACTIVE" as const,
        startDate: parseDateOnly(input.startDate),
        endDate: parseDateOnly(input.endDate),
        documentNo: input.documentNo,
        issuer: "人力资源社会保障部",
        isDemo: b.isDemo,
      };
      const d = await tx.designation.create({ data, select: { id: true } });
      await tx.selectionApplication.update({
        where: { id: a.id },
        data: { status: "DESIGNATED", designationId: d.id, version: { increment: 1 } },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: "designation.create",
        entityType: "Designation",
        entityId: d.id,
        authorityId: a.authorityId,
        after: { ...data, startDate: input.startDate, endDate: input.endDate, applicationId: a.id, batchId: b.id },
      });
      await recordAudit(tx, {
        actor,
        action: "selection.application.designate",
        entityType: "SelectionApplication",
        entityId: a.id,
        authorityId: a.authorityId,
        before: { status: "SELECTED" },
        after: { status: "DESIGNATED", designationId: d.id },
      });
    }
    await tx.selectionBatch.update({ where: { id: b.id }, data: { status: t.to, announcedAt: now, documentNo: input.documentNo }, select: { id: true } });
    await recordAudit(
      tx,
      batchAudit(actor, "selection.batch.announce", b.id, { status: b.status }, { status: t.to, documentNo: input.documentNo, designations: selected.length }),
    );
    return { designations: selected.length };
  });
}

/** 验收 passed / failed, and revocation, on a quality designation. */
export async function stepDesignation(actor: Actor, designationId: string, step: "accept" | "fail" | "revoke", reason: string) {
  return db().$transaction(async (tx) => {
    const d = await tx.designation.findUnique({
      where: { id: designationId },
      select: { id: true, status: true, kind: true, school: { select: { authorityId: true } } },
    });
    if (!d || (d.kind !== "QUALITY_SCHOOL" && d.kind !== "QUALITY_MAJOR")) throw new Refusal("NOT_FOUND");
    const t = transition(designationTable, d.status, step);
    if (!t.ok) refuseStep("designation", step, d.status);
    const n = await tx.designation.updateMany({ where: { id: d.id, status: d.status }, data: { status: t.to } });
    if (n.count === 0) throw new Refusal("STALE_VERSION");
    await recordAudit(tx, {
      actor,
      action: "designation.status",
      entityType: "Designation",
      entityId: d.id,
      authorityId: d.school.authorityId,
      before: { status: d.status },
      after: { status: t.to },
      reason,
    });
  });
}
