import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/mutations";
import { Refusal } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { conflictOf } from "../conflicts";
import { refuse, refuseStep, type Actor } from "../refusal";
import { scoreProblems } from "../scoring";
import { assignmentTable, transition } from "../states";

const assignmentAudit = (actor: Actor, action: string, id: string, authorityId: string, before?: unknown, after?: unknown) => ({
  actor,
  action,
  entityType: "ReviewAssignment",
  entityId: id,
  authorityId,
  before,
  after,
});

/** The expert's conflict with an application, read inside the transaction. */
async function conflictIn(tx: Tx, expertId: string, app: { authorityId: string; schoolId: string }) {
  const expert = await tx.user.findUnique({ where: { id: expertId }, select: { authorityId: true, role: true, disabled: true } });
  if (!expert || expert.role !== "EXPERT" || expert.disabled) throw new Refusal("NOT_FOUND");
  const aff = await tx.expertAffiliation.findMany({ where: { expertId, schoolId: app.schoolId }, select: { schoolId: true } });
  return conflictOf(
    expert,
    app,
    aff.map((a) => a.schoolId),
  );
}

/** Ministry staff assign an expert; a conflicted expert is refused whatever the form sent. */
export async function assignExpert(actor: Actor, applicationId: string, expertId: string) {
  return db().$transaction(async (tx) => {
    const app = await tx.selectionApplication.findUnique({
      where: { id: applicationId },
      select: { id: true, batchId: true, status: true, authorityId: true, schoolId: true },
    });
    if (!app) throw new Refusal("NOT_FOUND");
    const batch = await lockBatch(tx, app.batchId);
    assertPhase(batch.status, "assignment");
    if (app.status !== "RECOMMENDED") refuseStep("application", "assign", app.status);
    const conflict = await conflictIn(tx, expertId, app);
    if (conflict) refuse("FORBIDDEN", `conflict.${conflict}`);
    const existing = await tx.reviewAssignment.findUnique({
      where: { applicationId_expertId: { applicationId, expertId } },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== "WITHDRAWN") throw new Refusal("DUPLICATE");
    const a = existing
      ? await tx.reviewAssignment.update({
          where: { id: existing.id },
          data: { status: "ASSIGNED", assignedById: actor.id, assignedAt: new Date() },
          select: { id: true },
        })
      : await tx.reviewAssignment.create({ data: { applicationId, expertId, assignedById: actor.id }, select: { id: true } });
    await recordAudit(
      tx,
      assignmentAudit(actor, "selection.review.assign", a.id, app.authorityId, existing ? { status: existing.status } : undefined, {
        applicationId,
        expertId,
        status: "ASSIGNED",
      }),
    );
    return { id: a.id };
  });
}

export async function withdrawAssignment(actor: Actor, assignmentId: string, reason?: string) {
  return db().$transaction(async (tx) => {
    const a = await tx.reviewAssignment.findUnique({
      where: { id: assignmentId },
      select: { id: true, status: true, application: { select: { batchId: true, authorityId: true } } },
    });
    if (!a) throw new Refusal("NOT_FOUND");
    const batch = await lockBatch(tx, a.application.batchId);
    assertPhase(batch.status, "assignment");
    const t = transition(assignmentTable, a.status, "withdraw");
    if (!t.ok) refuseStep("assignment", "withdraw", a.status);
    await tx.reviewAssignment.update({ where: { id: a.id }, data: { status: t.to }, select: { id: true } });
    await recordAudit(tx, {
      ...assignmentAudit(actor, "selection.review.withdraw", a.id, a.application.authorityId, { status: a.status }, { status: t.to }),
      reason,
    });
  });
}

/**
 * An expert saves (or submits) their scores. Only the assigned expert, only without a conflict,
 * only while the batch is in review, and a submitted review is final.
 */
export async function saveReview(
  actor: Actor,
  input: { assignmentId: string; scores: Record<string, number | null>; internalComment: string | null; applicantFeedback: string | null; submit: boolean },
) {
  return db().$transaction(async (tx) => {
    const a = await tx.reviewAssignment.findUnique({
      where: { id: input.assignmentId },
      select: { id: true, expertId: true, status: true, application: { select: { id: true, batchId: true, authorityId: true, schoolId: true } } },
    });
    // Another expert's assignment looks exactly like a missing one.
    if (!a || a.expertId !== actor.id) throw new Refusal("NOT_FOUND");
    const conflict = await conflictIn(tx, actor.id, a.application);
    if (conflict) refuse("FORBIDDEN", `conflict.${conflict}`);
    const batch = await lockBatch(tx, a.application.batchId);
    assertPhase(batch.status, "scoring");
    if (a.status !== "ASSIGNED") refuseStep("assignment", input.submit ? "submit" : "save", a.status);
    const indicators = await batchIndicators(tx, batch.id);
    const scores = Object.fromEntries(indicators.filter((i) => typeof input.scores[i.id] === "number").map((i) => [i.id, input.scores[i.id] as number]));
    const problems = scoreProblems(indicators, scores).filter((p) => input.submit || p.kind === "outOfRange");
    if (problems.length) {
      throw new Refusal("VALIDATION", {
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
        ...(next?.ok ? { status: next.to, submittedAt: new Date() } : {}),
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      assignmentAudit(
        actor,
        input.submit ? "selection.review.submit" : "selection.review.save",
        a.id,
        a.application.authorityId,
        { status: a.status },
        { status: next?.ok ? next.to : a.status, scores },
      ),
    );
  });
}

/**
 * An expert declares a tie with a school. Their open assignments for that school's applications
 * are withdrawn in the same transaction (submitted ones stay on record, and are flagged by the ledger).
 */
export async function declareAffiliation(actor: Actor, schoolId: string, note: string | null) {
  return db().$transaction(async (tx) => {
    const school = await tx.school.findUnique({ where: { id: schoolId }, select: { id: true, authorityId: true } });
    if (!school) throw new Refusal("NOT_FOUND");
    const exists = await tx.expertAffiliation.findUnique({ where: { expertId_schoolId: { expertId: actor.id, schoolId } }, select: { id: true } });
    if (exists) throw new Refusal("DUPLICATE");
    const aff = await tx.expertAffiliation.create({ data: { expertId: actor.id, schoolId, note }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "selection.affiliation.declare",
      entityType: "ExpertAffiliation",
      entityId: aff.id,
      authorityId: school.authorityId,
      after: { expertId: actor.id, schoolId, note },
    });
    const open = await tx.reviewAssignment.findMany({ where: { expertId: actor.id, status: "ASSIGNED", application: { schoolId } }, select: { id: true } });
    for (const o of open) {
      await tx.reviewAssignment.update({ where: { id: o.id }, data: { status: "WITHDRAWN" }, select: { id: true } });
      await recordAudit(tx, {
        ...assignmentAudit(actor, "selection.review.withdraw", o.id, school.authorityId, { status: "ASSIGNED" }, { status: "WITHDRAWN" }),
        reason: "conflict.affiliation",
      });
    }
    return { id: aff.id, withdrawn: open.length };
  });
}
