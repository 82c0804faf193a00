/**
 * Recommendation quotas: an authority recommends at most its quota — its own row in the batch's
 * quota table, else the batch's default. Ranks are 1…n without gaps, in the order given.
 */
export function quotaFor(defaultQuota: number, quotas: readonly { authorityId: string; quota: number }[], authorityId: string): number {
  return quotas.find((q) => q.authorityId === authorityId)?.quota ?? defaultQuota;
}

export type QuotaCheck = { ok: true } | { ok: false; reason: "quotaExceeded"; quota: number; requested: number };

export function checkQuota(quota: number, requested: number): QuotaCheck {
  return requested <= quota ? { ok: true } : { ok: false, reason: "quotaExceeded", quota, requested };
}

/** The ranks given to an ordered list of recommended applications. */
export function ranksFor(orderedIds: readonly string[]): Map<string, number> {
  return new Map(orderedIds.map((id, i) => [id, i + 1]));
}

/** How many recommendations an authority still has. */
export function remaining(quota: number, used: number): number {
  return Math.max(0, quota - used);
}
