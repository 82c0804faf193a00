import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import type { AuthorityScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/mutations";
import { Refusal } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { checkEligibility, windowState } from "../eligibility";
import { designationKindFor } from "../programme";
import { refuse, refuseStep, type Actor } from "../refusal";
import { checkQuota, quotaFor } from "../quota";
import { applicationTable, transition } from "../states";
import { selfAssessmentComplete, type SelfAssessment } from "../self-assessment";

const LIVE: Prisma.SelectionApplicationWhereInput["status"] = { notIn: ["WITHDRAWN"] };

const appAudit = (actor: Actor, action: string, a: { id: string; authorityId: string }, before?: unknown, after?: unknown) => ({
  actor,
  action,
  entityType: "SelectionApplication",
  entityId: a.id,
  authorityId: a.authorityId,
  before,
  after,
});

/** Everything the eligibility rule needs, read inside the transaction. */
async function eligibilityFacts(tx: Tx, batchId: string, schoolId: string, schoolMajorId: string | undefined, excludeId?: string) {
  const batch = await lockBatch(tx, batchId);
  const school = await tx.school.findUnique({ where: { id: schoolId }, select: { id: true, authorityId: true, tier: true, status: true } });
  if (!school) throw new Refusal("NOT_FOUND");
  const schoolMajor = schoolMajorId
    ? await tx.schoolMajor.findUnique({ where: { id: schoolMajorId }, select: { schoolId: true, status: true, majorId: true } })
    : null;
  const kind = designationKindFor(batch.kind);
  const designated = await tx.designation.count({
    where: {
      schoolId,
      kind,
      status: { in: ["ACTIVE", "ACCEPTED"] },
      ...(batch.kind === "MAJOR" ? { majorId: schoolMajor?.majorId ?? "-" } : {}),
    },
  });
  const applied = await tx.selectionApplication.count({
    where: {
      batchId,
      schoolId,
      status: LIVE,
      ...(batch.kind === "MAJOR" ? { schoolMajorId: schoolMajorId ?? "-" } : {}),
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
  });
  return { batch, school, schoolMajor, designated: designated > 0, applied: applied > 0 };
}

function requireOwnAuthority(scope: AuthorityScope): string {
  if (!scope.authorityId) throw new Refusal("FORBIDDEN");
  return scope.authorityId;
}

export async function createApplication(
  actor: Actor,
  scope: AuthorityScope,
  input: { batchId: string; schoolId: string; schoolMajorId?: string },
  now = new Date(),
  opts: { isDemo?: boolean } = {},
) {
  const authorityId = requireOwnAuthority(scope);
  return db().$transaction(async (tx) => {
    const f = await eligibilityFacts(tx, input.batchId, input.schoolId, input.schoolMajorId);
    const e = checkEligibility({
      batch: f.batch,
      school: f.school,
      schoolMajor: f.schoolMajor,
      schoolId: input.schoolId,
      actorAuthorityId: authorityId,
      alreadyDesignated: f.designated,
      alreadyApplied: f.applied,
      now,
    });
    if (!e.ok) refuse(e.reason === "wrongAuthority" ? "FORBIDDEN" : "VALIDATION", `eligibility.${e.reason}`, e.params);
    const app = await tx.selectionApplication.create({
      data: {
        batchId: input.batchId,
        schoolId: input.schoolId,
        schoolMajorId: f.batch.kind === "MAJOR" ? input.schoolMajorId : null,
        authorityId,
        createdById: actor.id,
        isDemo: opts.isDemo ?? false,
      },
      select: { id: true, authorityId: true },
    });
    await recordAudit(
      tx,
      appAudit(actor, "selection.application.create", app, undefined, {
        batchId: input.batchId,
        schoolId: input.schoolId,
        schoolMajorId: input.schoolMajorId ?? null,
      }),
    );
    return { id: app.id };
  });
}

/** Loads an application inside the caller's scope, locking its batch; refuses another authority's. */
async function ownApplication(tx: Tx, scope: AuthorityScope, applicationId: string) {
  const app = await tx.selectionApplication.findUnique({ where: { id: applicationId } });
  if (!app || (scope.authorityId && app.authorityId !== scope.authorityId)) throw new Refusal("NOT_FOUND");
  const batch = await lockBatch(tx, app.batchId);
  return { app, batch };
}

export async function saveApplication(
  actor: Actor,
  scope: AuthorityScope,
  input: { applicationId: string; version: number; selfAssessment: SelfAssessment; evidenceText: string | null; evidenceLinks: string[] },
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    const { app, batch } = await ownApplication(tx, scope, input.applicationId);
    assertPhase(batch.status, "applicationEdit");
    if (app.status !== "DRAFT") refuseStep("application", "edit", app.status);
    if (windowState(batch, now) !== "open") refuse("INVALID_TRANSITION", "eligibility.windowClosed");
    const codes = new Set((await batchIndicators(tx, batch.id)).map((i) => i.code));
    const selfAssessment = Object.fromEntries(Object.entries(input.selfAssessment).filter(([k]) => codes.has(k)));
    const data = { selfAssessment, evidenceText: input.evidenceText, evidenceLinks: input.evidenceLinks };
    const n = await tx.selectionApplication.updateMany({ where: { id: app.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (n.count === 0) throw new Refusal("STALE_VERSION");
    await recordAudit(
      tx,
      appAudit(
        actor,
        "selection.application.update",
        app,
        { selfAssessment: app.selfAssessment, evidenceText: app.evidenceText, evidenceLinks: app.evidenceLinks },
        data,
      ),
    );
  });
}

/** submit, reopen (back to draft), withdraw — the officer's own steps, within the window. */
export async function stepApplication(
  actor: Actor,
  scope: AuthorityScope,
  applicationId: string,
  version: number,
  step: "submit" | "reopen" | "withdraw",
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    const { app, batch } = await ownApplication(tx, scope, applicationId);
    assertPhase(batch.status, "applicationEdit");
    const t = transition(applicationTable, app.status, step);
    if (!t.ok) refuseStep("application", step, app.status);
    if (step !== "withdraw" && windowState(batch, now) !== "open") refuse("INVALID_TRANSITION", "eligibility.windowClosed");
    if (step === "submit") {
      // Facts may have changed since the draft was made (a tier change, a designation elsewhere).
      const f = await eligibilityFacts(tx, batch.id, app.schoolId, app.schoolMajorId ?? undefined, app.id);
      const e = checkEligibility({
        batch,
        school: f.school,
        schoolMajor: f.schoolMajor,
        schoolId: app.schoolId,
        actorAuthorityId: app.authorityId,
        alreadyDesignated: f.designated,
        alreadyApplied: f.applied,
        now,
      });
      if (!e.ok) refuse("VALIDATION", `eligibility.${e.reason}`, e.params);
      const indicators = await batchIndicators(tx, batch.id);
      if (!selfAssessmentComplete(indicators, app.selfAssessment as SelfAssessment)) refuse("VALIDATION", "selfAssessmentIncomplete");
    }
    const n = await tx.selectionApplication.updateMany({
      where: { id: app.id, version, status: { in: [...t.from] } },
      data: {
        status: t.to,
        version: { increment: 1 },
        ...(step === "submit" ? { submittedAt: now } : {}),
        ...(step === "reopen" ? { submittedAt: null } : {}),
      },
    });
    if (n.count === 0) throw new Refusal("STALE_VERSION");
    await recordAudit(tx, appAudit(actor, `selection.application.${step}`, app, { status: app.status }, { status: t.to }));
  });
}

/**
 * The authority's recommendation list, in rank order: these become RECOMMENDED (rank 1…n), any
 * other recommended application goes back to SUBMITTED. More than the quota is refused.
 */
export async function saveRecommendations(actor: Actor, scope: AuthorityScope, batchId: string, ordered: string[], now = new Date()) {
  const authorityId = requireOwnAuthority(scope);
  return db().$transaction(async (tx) => {
    const batch = await lockBatch(tx, batchId);
    assertPhase(batch.status, "recommendation");
    if (new Set(ordered).size !== ordered.length) refuse("VALIDATION", "duplicateInList");
    const quotas = await tx.selectionQuota.findMany({ where: { batchId }, select: { authorityId: true, quota: true } });
    const quota = quotaFor(batch.defaultQuota, quotas, authorityId);
    const q = checkQuota(quota, ordered.length);
    if (!q.ok) refuse("VALIDATION", "quotaExceeded", { quota: q.quota, requested: q.requested });
    const apps = await tx.selectionApplication.findMany({
      where: { batchId, authorityId, status: { in: ["SUBMITTED", "RECOMMENDED"] } },
      select: { id: true, status: true, provinceRank: true, authorityId: true },
    });
    const byId = new Map(apps.map((a) => [a.id, a]));
    for (const id of ordered) {
      const a = byId.get(id);
      if (!a) refuse("VALIDATION", "notRecommendable");
    }
    for (const a of apps) {
      const idx = ordered.indexOf(a.id);
      const next = idx >= 0 ? { status: "RECOMMENDED" as const, provinceRank: idx + 1 } : { status: "SUBMITTED" as const, provinceRank: null };
      if (next.status === a.status && next.provinceRank === a.provinceRank) continue;
      await tx.selectionApplication.update({
        where: { id: a.id },
        data: {
          ...next,
          version: { increment: 1 },
          ...(next.status === "RECOMMENDED"
            ? { recommendedAt: a.status === "RECOMMENDED" ? undefined : now, recommendedById: actor.id }
            : { recommendedAt: null, recommendedById: null }),
        },
        select: { id: true },
      });
      const action =
        next.status === "RECOMMENDED"
          ? a.status === "RECOMMENDED"
            ? "selection.application.rerank"
            : "selection.application.recommend"
          : "selection.application.unrecommend";
      await recordAudit(tx, appAudit(actor, action, a, { status: a.status, provinceRank: a.provinceRank }, next));
    }
    return { recommended: ordered.length, quota };
  });
}
