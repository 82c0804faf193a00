import "server-only";
import { notify } from "@/lib/notifications/notify";
import type { z } from "zod";
import type { AuditEvent, WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { addDays, dateOnly } from "@/lib/kernel/dates";
import { holdAddressLimit } from "@/lib/db/address-limit";
import { lockBatch, refuseStaleRecord } from "../common/mutations";
import { designationKindFor } from "../programme";
import { refusePhase, refuseStep } from "../refusal";
import type { announceSchema, designationStepSchema, objectionSchema, publishNoticeSchema, resolveObjectionSchema } from "../schema";
import { batchTable, designationTable, objectionTable, transition } from "../states";

/** Per client address (its /64 for IPv6, kept only as a hash), at most this many objections in the window (counted in the database, across processes). */
export const OBJECTION_LIMIT = { max: 3, windowMs: 60 * 60 * 1000 };

const batchEvent = (action: string, batchId: string, before: unknown, after: unknown) => ({
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
export async function publishNotice(ctx: WriteContext, { batchId, noticeEndsAt }: z.output<typeof publishNoticeSchema>) {
  const { tx, now } = ctx;
  const b = await lockBatch(tx, batchId);
  const t = transition(batchTable, b.status, "publishNotice");
  if (!t.ok) refuseStep("batch", "publishNotice", b.status);
  const undecided = await tx.selectionApplication.count({ where: { batchId, status: "RECOMMENDED" } });
  if (undecided) refuse("INVALID_TRANSITION", { reason: "undecided", count: undecided });
  if (b.cutLine === null) refuse("INVALID_TRANSITION", { reason: "noCutLine" });
  const earliest = addDays(now, b.noticeDays);
  // A minute's grace for the time the form took to send.
  if (noticeEndsAt <= now || noticeEndsAt.getTime() < earliest.getTime() - 60_000) refuse("VALIDATION", { reason: "noticeTooShort", days: b.noticeDays });
  await tx.selectionBatch.update({ where: { id: batchId }, data: { status: t.to, noticeStartsAt: now, noticeEndsAt }, select: { id: true } });
  await ctx.audit(batchEvent("selection.batch.publishNotice", batchId, { status: b.status }, { status: t.to, noticeStartsAt: now, noticeEndsAt }));
  return null;
}

/**
 * Anyone may object to a selection during the notice; limited per client address in the database.
 * The address is the request's (one trusted-proxy rule), counted by its bucket and kept only as a hash.
 */
export async function lodgeObjection(ctx: WriteContext, input: z.output<typeof objectionSchema>) {
  const { tx, now } = ctx;
  const app = await tx.selectionApplication.findUnique({
    where: { id: input.applicationId },
    select: { id: true, batchId: true, status: true, authorityId: true },
  });
  if (!app) refuse("NOT_FOUND");
  const b = await lockBatch(tx, app.batchId);
  if (b.status !== "NOTICE" || !b.noticeEndsAt || now >= b.noticeEndsAt) refuse("INVALID_TRANSITION", { reason: "noticeClosed" });
  if (app.status !== "SELECTED") refuse("NOT_FOUND");
  const ipHash = await holdAddressLimit(ctx, "objection", OBJECTION_LIMIT, (hash, since) =>
    tx.selectionObjection.count({ where: { ipHash: hash, createdAt: { gte: since } } }),
  );
  const o = await tx.selectionObjection.create({ data: { ...input, batchId: b.id, ipHash, createdAt: now }, select: { id: true } });
  // The public's name and contact details stay out of the audit trail (the actor is "public").
  await ctx.audit({
    action: "selection.objection.lodge",
    entityType: "SelectionObjection",
    entityId: o.id,
    authorityId: app.authorityId,
    after: { applicationId: app.id, batchId: b.id },
  });
  await notify(ctx, { role: "MINISTRY_STAFF" }, { kind: "objectionFiled", params: { batch: b.nameZh }, link: `/console/selection/batches/${b.id}/notice` });
  return { id: o.id };
}

/** Upheld removes the selection (with the reason); dismissed leaves it. */
export async function resolveObjection(ctx: WriteContext, { objectionId, outcome, resolution }: z.output<typeof resolveObjectionSchema>) {
  const { tx, now } = ctx;
  const o = await tx.selectionObjection.findUnique({
    where: { id: objectionId },
    select: { id: true, status: true, batchId: true, applicationId: true, application: { select: { status: true, authorityId: true } } },
  });
  if (!o) refuse("NOT_FOUND");
  const b = await lockBatch(tx, o.batchId);
  if (b.status !== "NOTICE") refusePhase("objection", b.status);
  const step = outcome === "UPHELD" ? "uphold" : "dismiss";
  const t = transition(objectionTable, o.status, step);
  if (!t.ok) refuseStep("objection", step, o.status);
  await tx.selectionObjection.update({
    where: { id: o.id },
    data: { status: t.to, resolution, resolvedById: ctx.actor.id, resolvedAt: now },
    select: { id: true },
  });
  const authorityId = o.application.authorityId;
  await ctx.audit({
    action: `selection.objection.${step}`,
    entityType: "SelectionObjection",
    entityId: o.id,
    authorityId,
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
    await ctx.audit({
      action: "selection.application.remove",
      entityType: "SelectionApplication",
      entityId: o.applicationId,
      authorityId,
      before: { status: "SELECTED" },
      after: { status: "REMOVED" },
      reason: resolution,
    });
  }
  return null;
}

/**
 * 公布: after the notice period, with no objection open, each remaining selection becomes a
 * national Designation on its school (and major), valid to the end of the construction period.
 */
export async function announce(ctx: WriteContext, input: z.output<typeof announceSchema>) {
  const { tx, now } = ctx;
  const b = await lockBatch(tx, input.batchId);
  const t = transition(batchTable, b.status, "announce");
  if (!t.ok) refuseStep("batch", "announce", b.status);
  if (!b.noticeEndsAt || now < b.noticeEndsAt) refuse("INVALID_TRANSITION", { reason: "noticeNotOver", endsAt: b.noticeEndsAt?.toISOString() });
  const open = await tx.selectionObjection.count({ where: { batchId: b.id, status: "OPEN" } });
  if (open) refuse("INVALID_TRANSITION", { reason: "openObjections", count: open });
  const selected = await tx.selectionApplication.findMany({
    where: { batchId: b.id, status: "SELECTED" },
    orderBy: { id: "asc" },
    select: { id: true, schoolId: true, authorityId: true, schoolMajor: { select: { majorId: true } } },
  });
  const kind = designationKindFor(b.kind);
  const events: AuditEvent[] = [];
  for (const a of selected) {
    const data = {
      schoolId: a.schoolId,
      majorId: a.schoolMajor?.majorId ?? null,
      kind,
      level: "NATIONAL" as const,
      title: kind === "QUALITY_SCHOOL" ? "国家级优质技工院校建设单位" : "国家级优质专业建设单位",
      batchLabel: b.nameZh,
      status: "ACTIVE" as const,
      startDate: dateOnly(input.startDate),
      endDate: dateOnly(input.endDate),
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
    events.push(
      {
        action: "designation.create",
        entityType: "Designation",
        entityId: d.id,
        authorityId: a.authorityId,
        after: { ...data, startDate: input.startDate, endDate: input.endDate, applicationId: a.id, batchId: b.id },
      },
      {
        action: "selection.application.designate",
        entityType: "SelectionApplication",
        entityId: a.id,
        authorityId: a.authorityId,
        before: { status: "SELECTED" },
        after: { status: "DESIGNATED", designationId: d.id },
      },
    );
  }
  await ctx.auditMany(events);
  await tx.selectionBatch.update({ where: { id: b.id }, data: { status: t.to, announcedAt: now, documentNo: input.documentNo }, select: { id: true } });
  const after = { status: t.to, documentNo: input.documentNo, designations: selected.length };
  await ctx.audit(batchEvent("selection.batch.announce", b.id, { status: b.status }, after));
  return { designations: selected.length };
}

/** 验收 passed / failed, and revocation, on a quality designation. */
export async function stepDesignation(ctx: WriteContext, { designationId, step, reason }: z.output<typeof designationStepSchema>) {
  const { tx } = ctx;
  const d = await tx.designation.findUnique({
    where: { id: designationId },
    select: { id: true, status: true, kind: true, school: { select: { authorityId: true } } },
  });
  if (!d || (d.kind !== "QUALITY_SCHOOL" && d.kind !== "QUALITY_MAJOR")) refuse("NOT_FOUND");
  const t = transition(designationTable, d.status, step);
  if (!t.ok) refuseStep("designation", step, d.status);
  // A designation has no version: its status is the guard, and a lost race names who changed it.
  const n = await tx.designation.updateMany({ where: { id: d.id, status: d.status }, data: { status: t.to } });
  if (n.count === 0) await refuseStaleRecord(tx, "Designation", d.id, null);
  await ctx.audit({
    action: "designation.status",
    entityType: "Designation",
    entityId: d.id,
    authorityId: d.school.authorityId,
    before: { status: d.status },
    after: { status: t.to },
    reason,
  });
  return null;
}
