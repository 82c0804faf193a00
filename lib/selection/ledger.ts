import { computeResults } from "./results";
import { applicationScore, expertTotal, indicatorMeans, reviewerLetter } from "./scoring";
import type { ledgerRows } from "./results/data";

/**
 * The explainable ledger of one application: indicators and weights, each expert's scores,
 * final score, spread, rank, cut line and the decision with its reason. Outside the ministry the
 * experts are letters (专家A, 专家B…) and internal comments are left out.
 */
type Rows = NonNullable<Awaited<ReturnType<typeof ledgerRows>>>;

export function buildLedger(rows: Rows, viewer: "ministry" | "applicant" | "auditor") {
  const { app, all } = rows;
  const b = app.batch;
  const experts = app.assignments.map((a) => Object.fromEntries(a.scores.map((s) => [s.indicatorId, s.score])));
  const score = applicationScore(b.indicators, experts, b.spreadThreshold);
  const result = computeResults(b.indicators, b.spreadThreshold, all).get(app.id);
  const means = indicatorMeans(b.indicators, experts);
  return {
    batch: { id: b.id, nameZh: b.nameZh, nameEn: b.nameEn, status: b.status, cutLine: b.cutLine, spreadThreshold: b.spreadThreshold },
    status: app.status,
    indicators: b.indicators.map((i) => ({ ...i, mean: means[i.id] })),
    experts: app.assignments.map((a, n) => ({
      letter: reviewerLetter(n),
      name: viewer === "ministry" ? a.expert.displayName : null,
      scores: experts[n],
      total: expertTotal(b.indicators, experts[n]),
      feedback: a.applicantFeedback,
      internalComment: viewer === "ministry" ? a.internalComment : null,
    })),
    final: score.final,
    spread: score.spread,
    spreadFlagged: score.spreadFlagged,
    rank: app.decision?.rank ?? result?.rank ?? null,
    ranked: all.length,
    decision: app.decision,
  };
}
export type Ledger = ReturnType<typeof buildLedger>;
