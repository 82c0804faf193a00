import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/mutations";
import { Refusal } from "@/lib/errors";
import type { z } from "zod";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { STARTER_INDICATORS } from "../programme";
import { refuse, refuseStep, type Actor } from "../refusal";
import type { BatchSettings, indicatorSchema } from "../schema";
import { weightsValid } from "../scoring";
import { batchTable, transition } from "../states";

const audit = (actor: Actor, action: string, batchId: string, before?: unknown, after?: unknown, reason?: string) => ({
  actor,
  action,
  entityType: "SelectionBatch",
  entityId: batchId,
  before,
  after,
  reason,
});

/** A new batch starts as a draft with an editable starter indicator set. */
export async function createBatch(actor: Actor, s: BatchSettings, opts: { id?: string; isDemo?: boolean } = {}) {
  return db().$transaction(async (tx) => {
    const exists = await tx.selectionBatch.findFirst({ where: { year: s.year, nameZh: s.nameZh }, select: { id: true } });
    if (exists) throw new Refusal("DUPLICATE");
    const batch = await tx.selectionBatch.create({
      data: { ...s, id: opts.id, isDemo: opts.isDemo ?? false, createdById: actor.id },
      select: { id: true },
    });
    await tx.selectionIndicator.createMany({
      data: STARTER_INDICATORS.map((i, n) => ({ ...i, batchId: batch.id, sortOrder: n + 1 })),
    });
    await recordAudit(tx, audit(actor, "selection.batch.create", batch.id, undefined, s));
    return batch;
  });
}

export async function updateBatch(actor: Actor, batchId: string, s: BatchSettings) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    assertPhase(b.status, "batchSettings");
    const clash = await tx.selectionBatch.findFirst({ where: { year: s.year, nameZh: s.nameZh, id: { not: batchId } }, select: { id: true } });
    if (clash) throw new Refusal("DUPLICATE");
    const before = Object.fromEntries(Object.keys(s).map((k) => [k, b[k as keyof typeof b]]));
    await tx.selectionBatch.update({ where: { id: batchId }, data: s, select: { id: true } });
    await recordAudit(tx, audit(actor, "selection.batch.update", batchId, before, s));
  });
}

/** The indicator set is configuration of a draft: replaced as a whole until the batch opens. */
export async function saveIndicators(actor: Actor, batchId: string, indicators: z.output<typeof indicatorSchema>[]) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    assertPhase(b.status, "batchSettings");
    const before = await batchIndicators(tx, batchId);
    await tx.selectionIndicator.deleteMany({ where: { batchId } });
    await tx.selectionIndicator.createMany({ data: indicators.map((i, n) => ({ ...i, batchId, sortOrder: n + 1 })) });
    await recordAudit(
      tx,
      audit(
        actor,
        "selection.batch.indicators",
        batchId,
        before.map(({ id: _id, ...r }) => r),
        indicators,
      ),
    );
  });
}

export async function saveQuotas(actor: Actor, batchId: string, defaultQuota: number, quotas: { authorityId: string; quota: number }[]) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    assertPhase(b.status, "quotas");
    // Lowering a quota below what an authority already recommended would break the rule silently.
    const used = await tx.selectionApplication.groupBy({ by: ["authorityId"], where: { batchId, status: "RECOMMENDED" }, _count: { _all: true } });
    for (const u of used) {
      const q = quotas.find((x) => x.authorityId === u.authorityId)?.quota ?? defaultQuota;
      if (q < u._count._all) refuse("VALIDATION", "quotaBelowUsed", { authorityId: u.authorityId, used: u._count._all, quota: q });
    }
    const before = {
      defaultQuota: b.defaultQuota,
      quotas: await tx.selectionQuota.findMany({ where: { batchId }, select: { authorityId: true, quota: true } }),
    };
    await tx.selectionBatch.update({ where: { id: batchId }, data: { defaultQuota }, select: { id: true } });
    await tx.selectionQuota.deleteMany({ where: { batchId } });
    if (quotas.length) await tx.selectionQuota.createMany({ data: quotas.map((q) => ({ ...q, batchId })) });
    await recordAudit(tx, audit(actor, "selection.batch.quotas", batchId, before, { defaultQuota, quotas }));
  });
}

/** open, startReview, finishReview, cancel: the batch steps without extra input. */
export async function stepBatch(actor: Actor, batchId: string, step: "open" | "startReview" | "finishReview" | "cancel", now = new Date()) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    const t = transition(batchTable, b.status, step);
    if (!t.ok) refuseStep("batch", step, b.status);
    if (step === "open") {
      if (!weightsValid(await batchIndicators(tx, batchId))) refuse("VALIDATION", "weightsInvalid");
      if (b.windowClosesAt <= now) refuse("VALIDATION", "windowInPast");
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
      for (const a of lapsed) {
        await recordAudit(tx, {
          actor,
          action: "selection.application.lapse",
          entityType: "SelectionApplication",
          entityId: a.id,
          authorityId: a.authorityId,
          before: { status: a.status },
          after: { status: "NOT_RECOMMENDED" },
        });
      }
    }
    if (step === "finishReview") {
      const apps = await tx.selectionApplication.findMany({
        where: { batchId, status: "RECOMMENDED" },
        select: { id: true, _count: { select: { assignments: { where: { status: "SUBMITTED" } } } } },
      });
      const short = apps.filter((a) => a._count.assignments < b.minExperts).length;
      if (short) refuse("INVALID_TRANSITION", "reviewsIncomplete", { count: short, minExperts: b.minExperts });
      // Reviews still open when the ministry closes the review no longer count.
      await tx.reviewAssignment.updateMany({ where: { application: { batchId }, status: "ASSIGNED" }, data: { status: "WITHDRAWN" } });
    }
    await tx.selectionBatch.update({ where: { id: batchId }, data: { status: t.to }, select: { id: true } });
    await recordAudit(tx, audit(actor, `selection.batch.${step}`, batchId, { status: b.status }, { status: t.to }));
    return { status: t.to };
  });
}
