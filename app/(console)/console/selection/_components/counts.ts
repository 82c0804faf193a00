/** Applications that count in a batch's figures: every state but withdrawn. */
export function liveApplications(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([status]) => status !== "WITHDRAWN")
    .reduce((sum, [, count]) => sum + count, 0);
}
