import "server-only";
import { notify } from "@/lib/notifications/notify";
import type { z } from "zod";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { STARTER_INDICATORS } from "../programme";
import { refuseStep } from "../refusal";
import type { BatchSettings, saveIndicatorsSchema, saveQuotasSchema, updateBatchSchema } from "../schema";
import { weightsValid } from "../scoring";
import { batchTable, transition } from "../states";

/** The audit event of a batch write (entity SelectionBatch). */
const batchEvent = (action: string, batchId: string, before?: unknown, after?: unknown) => ({
  action,
  entityType: "SelectionBatch",
  entityId: batchId,
  before,
  after,
});

/** A new batch starts as a draft with an editable starter indicator set. */
export async function createBatch(ctx: WriteContext, s: BatchSettings) {
  const exists = await ctx.tx.selectionBatch.findFirst({ where: { year: s.year, nameZh: s.nameZh }, select: { id: true } });
  if (exists) refuse("DUPLICATE");
  const batch = await ctx.tx.selectionBatch.create({ data: { ...s, createdById: ctx.actor.id }, select: { id: true } });
  await ctx.tx.selectionIndicator.createMany({
    data: STARTER_INDICATORS.map((i, n) => ({ ...i, batchId: batch.id, sortOrder: n + 1 })),
  });
  await ctx.audit(batchEvent("selection.batch.create", batch.id, undefined, s));
  return { id: batch.id };
}

export async function updateBatch(ctx: WriteContext, { batchId, ...s }: z.output<typeof updateBatchSchema>) {
  const b = await lockBatch(ctx.tx, batchId);
  assertPhase(b.status, "batchSettings");
  const clash = await ctx.tx.selectionBatch.findFirst({ where: { year: s.year, nameZh: s.nameZh, id: { not: batchId } }, select: { id: true } });
  if (clash) refuse("DUPLICATE");
  const before = Object.fromEntries(Object.keys(s).map((k) => [k, b[k as keyof typeof b]]));
  await ctx.tx.selectionBatch.update({ where: { id: batchId }, data: s, select: { id: true } });
  await ctx.audit(batchEvent("selection.batch.update", batchId, before, s));
  return null;
}

/** The indicator set is configuration of a draft: replaced as a whole until the batch opens. */
export async function saveIndicators(ctx: WriteContext, { batchId, indicators }: z.output<typeof saveIndicatorsSchema>) {
  const b = await lockBatch(ctx.tx, batchId);
  assertPhase(b.status, "batchSettings");
  const before = await batchIndicators(ctx.tx, batchId);
  await ctx.tx.selectionIndicator.deleteMany({ where: { batchId } });
  await ctx.tx.selectionIndicator.createMany({ data: indicators.map((i, n) => ({ ...i, batchId, sortOrder: n + 1 })) });
  await ctx.audit(
    batchEvent(
      "selection.batch.indicators",
      batchId,
      before.map(({ id: _id, ...r }) => r),
      indicators,
    ),
  );
  return null;
}

export async function saveQuotas(ctx: WriteContext, { batchId, defaultQuota, quotas }: z.output<typeof saveQuotasSchema>) {
  const b = await lockBatch(ctx.tx, batchId);
  assertPhase(b.status, "quotas");
  // Lowering a quota below what an authority already recommended would break the rule silently.
  const used = await ctx.tx.selectionApplication.groupBy({ by: ["authorityId"], where: { batchId, status: "RECOMMENDED" }, _count: { _all: true } });
  for (const u of used) {
    const q = quotas.find((x) => x.authorityId === u.authorityId)?.quota ?? defaultQuota;
    if (q < u._count._all) refuse("VALIDATION", { reason: "quotaBelowUsed", authorityId: u.authorityId, used: u._count._all, quota: q });
  }
  const before = {
    defaultQuota: b.defaultQuota,
    quotas: await ctx.tx.selectionQuota.findMany({ where: { batchId }, select: { authorityId: true, quota: true } }),
  };
  await ctx.tx.selectionBatch.update({ where: { id: batchId }, data: { defaultQuota }, select: { id: true } });
  await ctx.tx.selectionQuota.deleteMany({ where: { batchId } });
  if (quotas.length) await ctx.tx.selectionQuota.createMany({ data: quotas.map((q) => ({ ...q, batchId })) });
  await ctx.audit(batchEvent("selection.batch.quotas", batchId, before, { defaultQuota, quotas }));
  return null;
}

export type BatchStepName = "open" | "startReview" | "finishReview" | "cancel";

/** open, startReview, finishReview, cancel: the batch steps without extra input. */
export async function stepBatch(ctx: WriteContext, { batchId, step }: { batchId: string; step: BatchStepName }) {
  const { tx } = ctx;
  const b = await lockBatch(tx, batchId);
  const t = transition(batchTable, b.status, step);
  if (!t.ok) refuseStep("batch", step, b.status);
  if (step === "open") {
    if (!weightsValid(await batchIndicators(tx, batchId))) refuse("VALIDATION", { reason: "weightsInvalid" });
    if (b.windowClosesAt <= ctx.now) refuse("VALIDATION", { reason: "windowInPast" });
  }
  if (step === "startReview") {
    // Applications the authority did not recommend leave the selection here.
    const lapsed = await tx.selectionApplication.findMany({
      where: { batchId, status: { in: ["DRAFT", "SUBMITTED"] } },
      select: { id: true, status: true, authorityId: true },
    });
    await tx.selectionApplication.updateMany({
      where: { batchId, status: { in: ["DRAFT", "SUBMITTED"] } },
      data: { status: "NOT_RECOMMENDED", version: { increment: 1 } },
    });
    await ctx.auditMany(
      lapsed.map((a) => ({
        action: "selection.application.lapse",
        entityType: "SelectionApplication",
        entityId: a.id,
        authorityId: a.authorityId,
        before: { status: a.status },
        after: { status: "NOT_RECOMMENDED" },
      })),
    );
  }
  if (step === "finishReview") {
    const apps = await tx.selectionApplication.findMany({
      where: { batchId, status: "RECOMMENDED" },
      select: { id: true, _count: { select: { assignments: { where: { status: "SUBMITTED" } } } } },
    });
    const short = apps.filter((a) => a._count.assignments < b.minExperts).length;
    if (short) refuse("INVALID_TRANSITION", { reason: "reviewsIncomplete", count: short, minExperts: b.minExperts });
    // Reviews still open when the ministry closes the review no longer count.
    await tx.reviewAssignment.updateMany({ where: { application: { batchId }, status: "ASSIGNED" }, data: { status: "WITHDRAWN" } });
  }
  await tx.selectionBatch.update({ where: { id: batchId }, data: { status: t.to }, select: { id: true } });
  await ctx.audit(batchEvent(`selection.batch.${step}`, batchId, { status: b.status }, { status: t.to }));
  if (step === "open") await notify(ctx, { role: "PROVINCE_OFFICER" }, { kind: "batchOpened", params: { batch: b.nameZh }, link: "/console/selection/apply" });
  return { status: t.to };
}
