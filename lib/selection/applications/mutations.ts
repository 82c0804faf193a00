import "server-only";
import type { z } from "zod";
import type { AuthorityScope } from "@/lib/auth/scope";
import type { Prisma, Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch, refuseStaleRecord } from "../common/mutations";
import { checkEligibility, windowState, type Eligibility } from "../eligibility";
import { designationKindFor } from "../programme";
import { refuseStep } from "../refusal";
import { checkQuota, quotaFor } from "../quota";
import type { applicationStepSchema, createApplicationSchema, recommendationsSchema, saveApplicationSchema } from "../schema";
import { applicationTable, transition } from "../states";
import { selfAssessmentComplete, type SelfAssessment } from "../self-assessment";

const LIVE: Prisma.SelectionApplicationWhereInput["status"] = { notIn: ["WITHDRAWN"] };

/** The audit event of an application write (entity SelectionApplication, in its authority). */
const appEvent = (action: string, a: { id: string; authorityId: string }, before?: unknown, after?: unknown) => ({
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
  if (!school) refuse("NOT_FOUND");
  const schoolMajor = schoolMajorId
    ? await tx.schoolMajor.findUnique({ where: { id: schoolMajorId }, select: { schoolId: true, status: true, majorId: true } })
    : null;
  const designated = await tx.designation.count({
    where: {
      schoolId,
      kind: designationKindFor(batch.kind),
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

type Facts = Awaited<ReturnType<typeof eligibilityFacts>>;

function eligibility(ctx: WriteContext, f: Facts, schoolId: string, actorAuthorityId: string): Eligibility {
  return checkEligibility({
    batch: f.batch,
    school: f.school,
    schoolMajor: f.schoolMajor,
    schoolId,
    actorAuthorityId,
    alreadyDesignated: f.designated,
    alreadyApplied: f.applied,
    now: ctx.now,
  });
}

function ownAuthority(scope: AuthorityScope): string {
  if (!scope.authorityId) refuse("FORBIDDEN");
  return scope.authorityId;
}

export async function createApplication(ctx: WriteContext, input: z.output<typeof createApplicationSchema>) {
  const authorityId = ownAuthority(ctx.scope);
  const f = await eligibilityFacts(ctx.tx, input.batchId, input.schoolId, input.schoolMajorId);
  const e = eligibility(ctx, f, input.schoolId, authorityId);
  if (!e.ok) refuse(e.reason === "wrongAuthority" ? "FORBIDDEN" : "VALIDATION", { reason: `eligibility.${e.reason}`, ...e.params });
  const app = await ctx.tx.selectionApplication.create({
    data: {
      batchId: input.batchId,
      schoolId: input.schoolId,
      schoolMajorId: f.batch.kind === "MAJOR" ? input.schoolMajorId : null,
      authorityId,
      createdById: ctx.actor.id,
    },
    select: { id: true, authorityId: true },
  });
  const after = { batchId: input.batchId, schoolId: input.schoolId, schoolMajorId: input.schoolMajorId ?? null };
  await ctx.audit(appEvent("selection.application.create", app, undefined, after));
  return { id: app.id };
}

/**
 * An application inside the caller's scope, read under its batch's lock (every write on an
 * application locks the batch first, so the version read here is the stored one); another
 * authority's looks exactly like a missing one. A form read before the last change is STALE_VERSION.
 */
async function ownApplication(ctx: WriteContext, applicationId: string, version: number) {
  const { tx, scope } = ctx;
  const found = await tx.selectionApplication.findUnique({ where: { id: applicationId }, select: { batchId: true, authorityId: true } });
  if (!found || (scope.authorityId && found.authorityId !== scope.authorityId)) refuse("NOT_FOUND");
  const batch = await lockBatch(tx, found.batchId);
  const app = await tx.selectionApplication.findUniqueOrThrow({ where: { id: applicationId } });
  if (app.version !== version) await staleApplication(tx, applicationId);
  return { app, batch };
}

async function staleApplication(tx: Tx, id: string): Promise<never> {
  const stored = await tx.selectionApplication.findUnique({ where: { id }, select: { version: true } });
  return refuseStaleRecord(tx, "SelectionApplication", id, stored?.version ?? null);
}

/** The versioned write of an application: a lost race is STALE_VERSION. */
async function updateVersioned(
  tx: Tx,
  app: { id: string; version: number },
  where: Prisma.SelectionApplicationWhereInput,
  data: Prisma.SelectionApplicationUpdateManyMutationInput,
) {
  const n = await tx.selectionApplication.updateMany({ where: { ...where, id: app.id, version: app.version }, data: { ...data, version: { increment: 1 } } });
  if (n.count === 0) await staleApplication(tx, app.id);
}

export async function saveApplication(ctx: WriteContext, input: z.output<typeof saveApplicationSchema>) {
  const { app, batch } = await ownApplication(ctx, input.applicationId, input.version);
  assertPhase(batch.status, "applicationEdit");
  if (app.status !== "DRAFT") refuseStep("application", "edit", app.status);
  if (windowState(batch, ctx.now) !== "open") refuse("INVALID_TRANSITION", { reason: "eligibility.windowClosed" });
  const codes = new Set((await batchIndicators(ctx.tx, batch.id)).map((i) => i.code));
  const selfAssessment = Object.fromEntries(Object.entries(input.selfAssessment).filter(([k]) => codes.has(k)));
  const data = { selfAssessment, evidenceText: input.evidenceText, evidenceLinks: input.evidenceLinks };
  await updateVersioned(ctx.tx, app, {}, data);
  const before = { selfAssessment: app.selfAssessment, evidenceText: app.evidenceText, evidenceLinks: app.evidenceLinks };
  await ctx.audit(appEvent("selection.application.update", app, before, data));
  return null;
}

export type ApplicationStepName = "submit" | "reopen" | "withdraw";

/** submit, reopen (back to draft), withdraw — the officer's own steps, within the window. */
export async function stepApplication(ctx: WriteContext, input: z.output<typeof applicationStepSchema> & { step: ApplicationStepName }) {
  const { step } = input;
  const { app, batch } = await ownApplication(ctx, input.applicationId, input.version);
  assertPhase(batch.status, "applicationEdit");
  const t = transition(applicationTable, app.status, step);
  if (!t.ok) refuseStep("application", step, app.status);
  if (step !== "withdraw" && windowState(batch, ctx.now) !== "open") refuse("INVALID_TRANSITION", { reason: "eligibility.windowClosed" });
  if (step === "submit") {
    // Facts may have changed since the draft was made (a tier change, a designation elsewhere).
    const f = await eligibilityFacts(ctx.tx, batch.id, app.schoolId, app.schoolMajorId ?? undefined, app.id);
    const e = eligibility(ctx, { ...f, batch }, app.schoolId, app.authorityId);
    if (!e.ok) refuse("VALIDATION", { reason: `eligibility.${e.reason}`, ...e.params });
    const indicators = await batchIndicators(ctx.tx, batch.id);
    if (!selfAssessmentComplete(indicators, app.selfAssessment as SelfAssessment)) refuse("VALIDATION", { reason: "selfAssessmentIncomplete" });
  }
  await updateVersioned(
    ctx.tx,
    app,
    { status: { in: [...t.from] } },
    {
      status: t.to,
      ...(step === "submit" ? { submittedAt: ctx.now } : {}),
      ...(step === "reopen" ? { submittedAt: null } : {}),
    },
  );
  await ctx.audit(appEvent(`selection.application.${step}`, app, { status: app.status }, { status: t.to }));
  return null;
}

/**
 * The authority's recommendation list, in rank order: these become RECOMMENDED (rank 1…n), any
 * other recommended application goes back to SUBMITTED. More than the quota is refused.
 */
export async function saveRecommendations(ctx: WriteContext, { batchId, ordered }: z.output<typeof recommendationsSchema>) {
  const authorityId = ownAuthority(ctx.scope);
  const { tx } = ctx;
  const batch = await lockBatch(tx, batchId);
  assertPhase(batch.status, "recommendation");
  if (new Set(ordered).size !== ordered.length) refuse("VALIDATION", { reason: "duplicateInList" });
  const quotas = await tx.selectionQuota.findMany({ where: { batchId }, select: { authorityId: true, quota: true } });
  const quota = quotaFor(batch.defaultQuota, quotas, authorityId);
  const q = checkQuota(quota, ordered.length);
  if (!q.ok) refuse("VALIDATION", { reason: "quotaExceeded", quota: q.quota, requested: q.requested });
  const apps = await tx.selectionApplication.findMany({
    where: { batchId, authorityId, status: { in: ["SUBMITTED", "RECOMMENDED"] } },
    select: { id: true, status: true, provinceRank: true, authorityId: true },
  });
  const byId = new Set(apps.map((a) => a.id));
  if (ordered.some((id) => !byId.has(id))) refuse("VALIDATION", { reason: "notRecommendable" });
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
          ? { recommendedAt: a.status === "RECOMMENDED" ? undefined : ctx.now, recommendedById: ctx.actor.id }
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
    await ctx.audit(appEvent(action, a, { status: a.status, provinceRank: a.provinceRank }, next));
  }
  return { recommended: ordered.length, quota };
}
