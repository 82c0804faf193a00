import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { refuseStep } from "../refusal";
import { computeResults } from "../results";
import type { cutLineSchema, decideByCutLineSchema, decisionSchema } from "../schema";
import { applicationTable, transition } from "../states";

async function resultsIn(tx: Tx, batch: { id: string; spreadThreshold: number }) {
  const [indicators, apps] = await Promise.all([
    batchIndicators(tx, batch.id),
    tx.selectionApplication.findMany({
      where: { batchId: batch.id, status: { in: ["RECOMMENDED", "SELECTED", "NOT_SELECTED"] } },
      select: {
        id: true,
        status: true,
        authorityId: true,
        school: { select: { tier: true } },
        assignments: { select: { id: true, status: true, scores: { select: { indicatorId: true, score: true } } } },
      },
    }),
  ]);
  const results = computeResults(
    indicators,
    batch.spreadThreshold,
    apps.map((a) => ({ id: a.id, tier: a.school.tier, assignments: a.assignments })),
  );
  return { apps, results };
}

export async function setCutLine(ctx: WriteContext, { batchId, cutLine }: z.output<typeof cutLineSchema>) {
  const b = await lockBatch(ctx.tx, batchId);
  assertPhase(b.status, "decision");
  await ctx.tx.selectionBatch.update({ where: { id: batchId }, data: { cutLine }, select: { id: true } });
  await ctx.audit({
    action: "selection.batch.cutLine",
    entityType: "SelectionBatch",
    entityId: batchId,
    before: { cutLine: b.cutLine },
    after: { cutLine },
  });
  return null;
}

async function decideIn(
  ctx: WriteContext,
  app: { id: string; status: string; authorityId: string },
  selected: boolean,
  reason: string,
  result: { final: number | null; rank: number | null } | undefined,
) {
  const { tx } = ctx;
  const step = selected ? "select" : "reject";
  const t = transition(applicationTable, app.status as never, step);
  if (!t.ok) refuseStep("application", step, app.status);
  const snapshot = { selected, reason, finalScore: result?.final ?? null, rank: result?.rank ?? null, decidedById: ctx.actor.id, decidedAt: ctx.now };
  const before = await tx.selectionDecision.findUnique({ where: { applicationId: app.id }, select: { selected: true, reason: true } });
  await tx.selectionDecision.upsert({
    where: { applicationId: app.id },
    create: { applicationId: app.id, ...snapshot },
    update: snapshot,
    select: { applicationId: true },
  });
  await tx.selectionApplication.update({ where: { id: app.id }, data: { status: t.to, version: { increment: 1 } }, select: { id: true } });
  await ctx.audit({
    action: "selection.application.decide",
    entityType: "SelectionApplication",
    entityId: app.id,
    authorityId: app.authorityId,
    before: { status: app.status, ...(before ?? {}) },
    after: { status: t.to, selected, reason, finalScore: snapshot.finalScore, rank: snapshot.rank },
    reason,
  });
}

/** The ministry's decision on one application, with the score and rank it stood at. */
export async function decide(ctx: WriteContext, { applicationId, selected, reason }: z.output<typeof decisionSchema>) {
  const app = await ctx.tx.selectionApplication.findUnique({ where: { id: applicationId }, select: { id: true, batchId: true } });
  if (!app) refuse("NOT_FOUND");
  const b = await lockBatch(ctx.tx, app.batchId);
  assertPhase(b.status, "decision");
  const { apps, results } = await resultsIn(ctx.tx, b);
  const row = apps.find((a) => a.id === applicationId);
  if (!row) refuseStep("application", selected ? "select" : "reject", "NOT_REVIEWED");
  const r = results.get(applicationId);
  if (selected && (r?.final ?? null) === null) refuse("INVALID_TRANSITION", { reason: "notScored" });
  await decideIn(ctx, row, selected, reason, r);
  return null;
}

/**
 * Decides every undecided application by the recorded cut line: at or above → selected, below →
 * not selected, each with a reason naming its score and the line. Decisions already made stand.
 */
export async function decideByCutLine(ctx: WriteContext, { batchId }: z.output<typeof decideByCutLineSchema>) {
  const b = await lockBatch(ctx.tx, batchId);
  assertPhase(b.status, "decision");
  const cutLine = b.cutLine ?? refuse("INVALID_TRANSITION", { reason: "noCutLine" });
  const { apps, results } = await resultsIn(ctx.tx, b);
  let selected = 0;
  for (const a of apps.filter((x) => x.status === "RECOMMENDED")) {
    const r = results.get(a.id);
    const final = r?.final ?? null;
    const above = final !== null && final >= cutLine;
    if (above) selected++;
    const reason =
      final === null
        ? "未获有效评分"
        : above
          ? `综合得分 ${final.toFixed(2)}，达到分数线 ${cutLine.toFixed(2)}`
          : `综合得分 ${final.toFixed(2)}，低于分数线 ${cutLine.toFixed(2)}`;
    await decideIn(ctx, a, above, reason, r);
  }
  return { selected };
}
