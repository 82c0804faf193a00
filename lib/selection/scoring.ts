import { TIER_PRIORITY } from "./programme";
import type { SchoolTier } from "@/lib/kernel/enums";

/**
 * Weighted scoring. Each indicator has a weight (percent; a batch's weights sum to 100) and a
 * maximum score. An expert's total is Σ weight × score / maxScore, on a 0–100 scale; an
 * application's final score is the mean of the submitted experts' totals. Reviewer spread is the
 * gap between the highest and lowest total, flagged above the batch's threshold.
 */
export type ScoringIndicator = { id: string; weight: number; maxScore: number };
export type ExpertScores = Record<string, number>; // indicatorId → score

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

export function weightsSum(indicators: readonly { weight: number }[]): number {
  return round2(indicators.reduce((s, i) => s + i.weight, 0));
}

export function weightsValid(indicators: readonly { weight: number; maxScore: number }[]): boolean {
  return indicators.length > 0 && Math.abs(weightsSum(indicators) - 100) < 0.001 && indicators.every((i) => i.weight > 0 && i.maxScore > 0);
}

export type ScoreProblem = { indicatorId: string; kind: "missing" | "outOfRange"; max: number };

/** THE score range: 0…maxScore, a finite number. */
export function scoreInRange(indicator: { maxScore: number }, score: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= indicator.maxScore;
}

/** Every indicator scored, each within 0…maxScore. */
export function scoreProblems(indicators: readonly ScoringIndicator[], scores: ExpertScores): ScoreProblem[] {
  const out: ScoreProblem[] = [];
  for (const i of indicators) {
    const v = scores[i.id];
    if (v === undefined || v === null || Number.isNaN(v)) out.push({ indicatorId: i.id, kind: "missing", max: i.maxScore });
    else if (!scoreInRange(i, v)) out.push({ indicatorId: i.id, kind: "outOfRange", max: i.maxScore });
  }
  return out;
}

/** The running total a form shows while scores are typed: blank and out-of-range scores count for nothing. */
export function partialTotal(indicators: readonly ScoringIndicator[], scores: Record<string, number | null | undefined>): number {
  return round2(
    indicators.reduce((sum, i) => {
      const v = scores[i.id];
      return typeof v === "number" && scoreInRange(i, v) ? sum + (i.weight * v) / i.maxScore : sum;
    }, 0),
  );
}

/** One expert's weighted total (0–100), or null while any indicator is unscored. */
export function expertTotal(indicators: readonly ScoringIndicator[], scores: ExpertScores): number | null {
  if (scoreProblems(indicators, scores).length) return null;
  return round2(indicators.reduce((s, i) => s + (i.weight * scores[i.id]) / i.maxScore, 0));
}

export type ApplicationScore = { totals: number[]; final: number | null; spread: number | null; spreadFlagged: boolean };

export function applicationScore(indicators: readonly ScoringIndicator[], experts: readonly ExpertScores[], spreadThreshold: number): ApplicationScore {
  const totals = experts.map((e) => expertTotal(indicators, e)).filter((t): t is number => t !== null);
  if (!totals.length) return { totals, final: null, spread: null, spreadFlagged: false };
  const final = round2(totals.reduce((s, t) => s + t, 0) / totals.length);
  const spread = round2(Math.max(...totals) - Math.min(...totals));
  return { totals, final, spread, spreadFlagged: totals.length > 1 && spread > spreadThreshold };
}

/** Per-indicator mean across experts, for the ledger. */
export function indicatorMeans(indicators: readonly ScoringIndicator[], experts: readonly ExpertScores[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const i of indicators) {
    const vs = experts.map((e) => e[i.id]).filter((v): v is number => typeof v === "number");
    out[i.id] = vs.length ? round2(vs.reduce((s, v) => s + v, 0) / vs.length) : null;
  }
  return out;
}

export type Rankable = { id: string; final: number | null; tier: SchoolTier };

/**
 * Ranking by final score, highest first (standard competition ranking: equal scores share a rank).
 * Order within equal scores puts 技师学院 first, then the id, so the list is stable. Unscored
 * applications are not ranked.
 */
export function rank<T extends Rankable>(items: readonly T[]): (T & { rank: number | null })[] {
  const scored = items
    .filter((i) => i.final !== null)
    .sort((a, b) => b.final! - a.final! || TIER_PRIORITY[a.tier] - TIER_PRIORITY[b.tier] || a.id.localeCompare(b.id));
  const out: (T & { rank: number | null })[] = [];
  scored.forEach((item, idx) => {
    const prev = out[idx - 1];
    out.push({ ...item, rank: prev && prev.final === item.final ? prev.rank : idx + 1 });
  });
  return [...out, ...items.filter((i) => i.final === null).map((i) => ({ ...i, rank: null }))];
}

/** The cut line that would select `target` applications: the target-th best score (null if fewer). */
export function suggestedCutLine(finals: readonly (number | null)[], target: number): number | null {
  const sorted = finals.filter((f): f is number => f !== null).sort((a, b) => b - a);
  if (target < 1 || !sorted.length) return null;
  return sorted[Math.min(target, sorted.length) - 1];
}

/** Anonymous reviewer labels outside the ministry: 0 → "A", 1 → "B", … 26 → "AA". */
export function reviewerLetter(index: number): string {
  let n = index;
  let s = "";
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}
