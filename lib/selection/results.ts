import type { SchoolTier } from "@/lib/kernel/enums";
import { applicationScore, rank, type ScoringIndicator } from "./scoring";

/**
 * The batch's results from stored rows: each application's expert totals, final score, spread
 * and rank. Only submitted reviews count. Pure, so the ledger, the ranking page, decisions and
 * tests all compute the same numbers.
 */
export type ResultInput = {
  id: string;
  tier: SchoolTier;
  assignments: { id: string; status: string; scores: { indicatorId: string; score: number }[] }[];
};

export type ResultRow = {
  id: string;
  final: number | null;
  spread: number | null;
  spreadFlagged: boolean;
  reviews: number;
  rank: number | null;
};

export function computeResults(indicators: readonly ScoringIndicator[], spreadThreshold: number, apps: readonly ResultInput[]): Map<string, ResultRow> {
  const scored = apps.map((a) => {
    const experts = a.assignments.filter((x) => x.status === "SUBMITTED").map((x) => Object.fromEntries(x.scores.map((s) => [s.indicatorId, s.score])));
    const s = applicationScore(indicators, experts, spreadThreshold);
    return { id: a.id, tier: a.tier, final: s.final, spread: s.spread, spreadFlagged: s.spreadFlagged, reviews: s.totals.length };
  });
  return new Map(
    rank(scored).map((r) => [r.id, { id: r.id, final: r.final, spread: r.spread, spreadFlagged: r.spreadFlagged, reviews: r.reviews, rank: r.rank }]),
  );
}
