import "server-only";
import { notFound } from "next/navigation";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { campaignStanding } from "@/lib/campaigns/loaders";
import { clock } from "@/lib/kernel/dates";
import { DRILL_PAGE_SIZE, listMeasure, measureOf, qualityCounts } from "./data";

/**
 * The data-quality page (/console/quality): an officer sees their own authority (naming another
 * one: 403), the ministry every authority side by side, or one when it names it.
 */
export async function loadQuality(requestedAuthority?: string) {
  const user = await requirePolicy("loadQuality");
  const scope = requireAuthorityScope(user, requestedAuthority);
  const now = clock.now();
  const [counts, campaign] = await Promise.all([qualityCounts(scope, now), campaignStanding(scope, now)]);
  return { scopeAuthority: scope.authorityId, asOf: now, ...counts, campaign };
}

/** The records behind one number of the page: the measure's own `where`, within the same scope. */
export async function loadQualityList(measureKey: string, requestedAuthority?: string, page = 1) {
  const user = await requirePolicy("loadQualityList");
  const scope = requireAuthorityScope(user, requestedAuthority);
  const measure = await measureOf(scope, clock.now(), measureKey);
  if (!measure) notFound();
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  const { total, rows } = await listMeasure(scope, measure, safePage);
  return {
    measure: { key: measure.key, group: measure.group, params: measure.params },
    scopeAuthority: scope.authorityId,
    total,
    rows,
    page: safePage,
    pageSize: DRILL_PAGE_SIZE,
  };
}
