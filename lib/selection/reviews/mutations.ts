import "server-only";
import { notify } from "@/lib/notifications/notify";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { conflictOf } from "../conflicts";
import { refuseStep } from "../refusal";
import type { affiliationSchema, assignExpertSchema, reviewSchema, withdrawAssignmentSchema } from "../schema";
import { scoreProblems } from "../scoring";
import { assignmentTable, transition } from "../states";

/** The audit event of an assignment write (entity ReviewAssignment, in the application's authority). */
const assignmentEvent = (action: string, id: string, authorityId: string, before?: unknown, after?: unknown, reason?: string) => ({
  action,
  entityType: "ReviewAssignment",
  entityId: id,
  authorityId,
  before,
  after,
  reason,
});

/** The expert acting: their own account (the session's user id). */
function expertOf(ctx: WriteContext): string {
  return ctx.actor.id ?? refuse("FORBIDDEN");
}

/** The expert's conflict with an application, read inside the transaction. */
async function conflictIn(tx: Tx, expertId: string, app: { authorityId: string; schoolId: string }) {
  const expert = await tx.user.findUnique({ where: { id: expertId }, select: { authorityId: true, role: true, disabled: true } });
  if (!expert || expert.role !== "EXPERT" || expert.disabled) refuse("NOT_FOUND");
  const aff = await tx.expertAffiliation.findMany({ where: { expertId, schoolId: app.schoolId }, select: { schoolId: true } });
  return conflictOf(
    expert,
    app,
    aff.map((a) => a.schoolId),
  );
}

/** Ministry staff assign an expert; a conflicted expert is refused whatever the form sent. */
export async function assignExpert(ctx: WriteContext, { applicationId, expertId }: z.output<typeof assignExpertSchema>) {
  const { tx } = ctx;
  const app = await tx.selectionApplication.findUnique({
    where: { id: applicationId },
    select: { id: true, batchId: true, status: true, authorityId: true, schoolId: true },
  });
  if (!app) refuse("NOT_FOUND");
  const batch = await lockBatch(tx, app.batchId);
  assertPhase(batch.status, "assignment");
  if (app.status !== "RECOMMENDED") refuseStep("application", "assign", app.status);
  const conflict = await conflictIn(tx, expertId, app);
  if (conflict) refuse("FORBIDDEN", { reason: `conflict.${conflict}` });
  const existing = await tx.reviewAssignment.findUnique({
    where: { applicationId_expertId: { applicationId, expertId } },
    select: { id: true, status: true },
  });
  if (existing && existing.status !== "WITHDRAWN") refuse("DUPLICATE");
  const a = existing
    ? await tx.reviewAssignment.update({
        where: { id: existing.id },
        data: { status: "ASSIGNED", assignedById: ctx.actor.id, assignedAt: ctx.now },
        select: { id: true },
      })
    : await tx.reviewAssignment.create({ data: { applicationId, expertId, assignedById: ctx.actor.id, assignedAt: ctx.now }, select: { id: true } });
  const after = { applicationId, expertId, status: "ASSIGNED" };
  await ctx.audit(assignmentEvent("selection.review.assign", a.id, app.authorityId, existing ? { status: existing.status } : undefined, after));
  await notify(ctx, { userIds: [expertId] }, { kind: "reviewAssigned", params: { batch: batch.nameZh }, link: `/console/selection/reviews/${a.id}` });
  return { id: a.id };
}

export async function withdrawAssignment(ctx: WriteContext, { assignmentId, reason }: z.output<typeof withdrawAssignmentSchema> & { reason?: string }) {
  const { tx } = ctx;
  const a = await tx.reviewAssignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, status: true, application: { select: { batchId: true, authorityId: true } } },
  });
  if (!a) refuse("NOT_FOUND");
  const batch = await lockBatch(tx, a.application.batchId);
  assertPhase(batch.status, "assignment");
  const t = transition(assignmentTable, a.status, "withdraw");
  if (!t.ok) refuseStep("assignment", "withdraw", a.status);
  await tx.reviewAssignment.update({ where: { id: a.id }, data: { status: t.to }, select: { id: true } });
  await ctx.audit(assignmentEvent("selection.review.withdraw", a.id, a.application.authorityId, { status: a.status }, { status: t.to }, reason));
  return null;
}

/**
 * An expert saves (or submits) their scores. Only the assigned expert, only without a conflict,
 * only while the batch is in review, and a submitted review is final.
 */
export async function saveReview(ctx: WriteContext, input: z.output<typeof reviewSchema>) {
  const { tx } = ctx;
  const expertId = expertOf(ctx);
  const a = await tx.reviewAssignment.findUnique({
    where: { id: input.assignmentId },
    select: { id: true, expertId: true, status: true, application: { select: { id: true, batchId: true, authorityId: true, schoolId: true } } },
  });
  // Another expert's assignment looks exactly like a missing one.
  if (!a || a.expertId !== expertId) refuse("NOT_FOUND");
  const conflict = await conflictIn(tx, expertId, a.application);
  if (conflict) refuse("FORBIDDEN", { reason: `conflict.${conflict}` });
  const batch = await lockBatch(tx, a.application.batchId);
  assertPhase(batch.status, "scoring");
  if (a.status !== "ASSIGNED") refuseStep("assignment", input.submit ? "submit" : "save", a.status);
  const indicators = await batchIndicators(tx, batch.id);
  const scores = Object.fromEntries(indicators.filter((i) => typeof input.scores[i.id] === "number").map((i) => [i.id, input.scores[i.id] as number]));
  const problems = scoreProblems(indicators, scores).filter((p) => input.submit || p.kind === "outOfRange");
  if (problems.length) {
    refuse("VALIDATION", {
      reason: problems.some((p) => p.kind === "outOfRange") ? "scoreOutOfRange" : "scoresIncomplete",
      fields: problems.map((p) => p.indicatorId).join(","),
    });
  }
  for (const [indicatorId, score] of Object.entries(scores)) {
    await tx.reviewScore.upsert({
      where: { assignmentId_indicatorId: { assignmentId: a.id, indicatorId } },
      create: { assignmentId: a.id, indicatorId, score },
      update: { score },
      select: { indicatorId: true },
    });
  }
  const next = input.submit ? transition(assignmentTable, a.status, "submit") : null;
  await tx.reviewAssignment.update({
    where: { id: a.id },
    data: {
      internalComment: input.internalComment,
      applicantFeedback: input.applicantFeedback,
      ...(next?.ok ? { status: next.to, submittedAt: ctx.now } : {}),
    },
    select: { id: true },
  });
  const action = input.submit ? "selection.review.submit" : "selection.review.save";
  await ctx.audit(assignmentEvent(action, a.id, a.application.authorityId, { status: a.status }, { status: next?.ok ? next.to : a.status, scores }));
  return null;
}

/**
 * An expert declares a tie with a school. Their open assignments for that school's applications
 * are withdrawn in the same transaction (submitted ones stay on record, and are flagged by the ledger).
 */
export async function declareAffiliation(ctx: WriteContext, { schoolId, note }: z.output<typeof affiliationSchema>) {
  const { tx } = ctx;
  const expertId = expertOf(ctx);
  const school = await tx.school.findUnique({ where: { id: schoolId }, select: { id: true, authorityId: true } });
  if (!school) refuse("NOT_FOUND");
  const exists = await tx.expertAffiliation.findUnique({ where: { expertId_schoolId: { expertId, schoolId } }, select: { id: true } });
  if (exists) refuse("DUPLICATE");
  const aff = await tx.expertAffiliation.create({ data: { expertId, schoolId, note }, select: { id: true } });
  await ctx.audit({
    action: "selection.affiliation.declare",
    entityType: "ExpertAffiliation",
    entityId: aff.id,
    authorityId: school.authorityId,
    after: { expertId, schoolId, note },
  });
  const open = await tx.reviewAssignment.findMany({ where: { expertId, status: "ASSIGNED", application: { schoolId } }, select: { id: true } });
  for (const o of open) {
    await tx.reviewAssignment.update({ where: { id: o.id }, data: { status: "WITHDRAWN" }, select: { id: true } });
    await ctx.audit(
      assignmentEvent("selection.review.withdraw", o.id, school.authorityId, { status: "ASSIGNED" }, { status: "WITHDRAWN" }, "conflict.affiliation"),
    );
  }
  return { id: aff.id, withdrawn: open.length };
}
