import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/mutations";
import { Refusal } from "@/lib/errors";
import { assertPhase, batchIndicators, lockBatch } from "../common/mutations";
import { refuse, refuseStep, type Actor } from "../refusal";
import { computeResults } from "../results";
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

export async function setCutLine(actor: Actor, batchId: string, cutLine: number) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    assertPhase(b.status, "decision");
    await tx.selectionBatch.update({ where: { id: batchId }, data: { cutLine }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "selection.batch.cutLine",
      entityType: "SelectionBatch",
      entityId: batchId,
      before: { cutLine: b.cutLine },
      after: { cutLine },
    });
  });
}

async function decideIn(
  tx: Tx,
  actor: Actor,
  app: { id: string; status: string; authorityId: string },
  selected: boolean,
  reason: string,
  result: { final: number | null; rank: number | null } | undefined,
) {
  const step = selected ? "select" : "reject";
  const t = transition(applicationTable, app.status as never, step);
  if (!t.ok) refuseStep("application", step, app.status);
  const snapshot = { selected, reason, finalScore: result?.final ?? null, rank: result?.rank ?? null, decidedById: actor.id, decidedAt: new Date() };
  const before = await tx.selectionDecision.findUnique({ where: { applicationId: app.id }, select: { selected: true, reason: true } });
  await tx.selectionDecision.upsert({
    where: { applicationId: app.id },
    create: { applicationId: app.id, ...snapshot },
    update: snapshot,
    select: { applicationId: true },
  });
  await tx.selectionApplication.update({ where: { id: app.id }, data: { status: t.to, version: { increment: 1 } }, select: { id: true } });
  await recordAudit(tx, {
    actor,
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
export async function decide(actor: Actor, applicationId: string, selected: boolean, reason: string) {
  return db().$transaction(async (tx) => {
    const app = await tx.selectionApplication.findUnique({ where: { id: applicationId }, select: { id: true, batchId: true } });
    if (!app) throw new Refusal("NOT_FOUND");
    const b = await lockBatch(tx, app.batchId);
    assertPhase(b.status, "decision");
    const { apps, results } = await resultsIn(tx, b);
    const row = apps.find((a) => a.id === applicationId);
    if (!row) refuseStep("application", selected ? "select" : "reject", "NOT_REVIEWED");
    const r = results.get(applicationId);
    if (selected && (r?.final ?? null) === null) refuse("INVALID_TRANSITION", "notScored");
    await decideIn(tx, actor, row, selected, reason, r);
  });
}

/**
 * Decides every undecided application by the recorded cut line: at or above → selected, below →
 * not selected, each with a reason naming its score and the line. Decisions already made stand.
 */
export async function decideByCutLine(actor: Actor, batchId: string) {
  return db().$transaction(async (tx) => {
    const b = await lockBatch(tx, batchId);
    assertPhase(b.status, "decision");
    if (b.cutLine === null) refuse("INVALID_TRANSITION", "noCutLine");
    const { apps, results } = await resultsIn(tx, b);
    let selected = 0;
    for (const a of apps.filter((x) => x.status === "RECOMMENDED")) {
      const r = results.get(a.id);
      const final = r?.final ?? null;
      const above = final !== null && final >= b.cutLine!;
      if (above) selected++;
      const reason =
        final === null
          ? "未获有效评分"
          : above
            ? `综合得分 ${final.toFixed(2)}，达到分数线 ${b.cutLine!.toFixed(2)}`
            : `综合得分 ${final.toFixed(2)}，低于分数线 ${b.cutLine!.toFixed(2)}`;
      await decideIn(tx, actor, a, above, reason, r);
    }
    return { selected };
  });
}
