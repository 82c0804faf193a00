/** The officer's self-assessment: per indicator code, a score (0…maxScore) and a note. */
export type SelfAssessment = Record<string, { score: number | null; note: string }>;

export function selfAssessmentComplete(indicators: readonly { code: string; maxScore: number }[], sa: SelfAssessment | null | undefined): boolean {
  if (!sa || typeof sa !== "object") return false;
  return indicators.every((i) => {
    const v = sa[i.code]?.score;
    return typeof v === "number" && v >= 0 && v <= i.maxScore;
  });
}
