import "server-only";
import { db, readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { ON_REGISTER } from "@/lib/schools/rules";
import { campaignEnded, confirmedInWhere, unconfirmedInWhere, type CampaignDates } from "./rules";

export type Campaign = Awaited<ReturnType<typeof latestCampaign>> & {};

/** The latest campaign (running or ended), or null when none was ever opened. */
export function latestCampaign() {
  return db().confirmationCampaign.findFirst({ orderBy: { openedAt: "desc" } });
}

/**
 * The latest campaign as the public pages and the API read it: through the public-read cache (a
 * campaign opened or closed raises the data version: migration campaign_data_version). Whether it
 * has ended is decided per request from its dates, so the deadline passing needs no new version.
 */
const publicCampaign = cachedPublicRead(
  "latestCampaign",
  () => readDb().confirmationCampaign.findFirst({ orderBy: { openedAt: "desc" }, select: { year: true, deadline: true, openedAt: true, closedAt: true } }),
  () => "",
);

/** The campaign whose ending flags records publicly: the latest one, once it has ended. */
export async function endedCampaign(now: Date) {
  const c = await publicCampaign();
  return c && campaignEnded(c, now) ? c : null;
}

/** Confirmed in the campaign / on the register, per authority in scope (provinces with nothing on the register left out). */
export async function campaignProgress(scope: AuthorityScope, c: CampaignDates) {
  const where = { status: { in: ON_REGISTER }, ...inScope(scope) };
  const [authorities, totals, confirmed] = await Promise.all([
    db().authority.findMany({
      where: scope.authorityId ? { id: scope.authorityId } : {},
      orderBy: { sortOrder: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db().school.groupBy({ by: ["authorityId"], where, _count: { _all: true } }),
    db().school.groupBy({ by: ["authorityId"], where: { ...where, ...confirmedInWhere(c) }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof totals, id: string) => rows.find((r) => r.authorityId === id)?._count._all ?? 0;
  return authorities.map((a) => ({ ...a, total: count(totals, a.id), confirmed: count(confirmed, a.id) })).filter((r) => r.total > 0);
}

/** The officer's list: records on the register not yet confirmed in the campaign, with the version to confirm. */
export function unconfirmedRecords(scope: AuthorityScope, c: CampaignDates) {
  return db().school.findMany({
    where: { status: { in: ON_REGISTER }, ...inScope(scope), ...unconfirmedInWhere(c) },
    orderBy: [{ authorityId: "asc" }, { namePinyin: "asc" }, { id: "asc" }],
    select: { id: true, nameZh: true, publicCode: true, version: true, lastConfirmedAt: true, authorityId: true },
    take: 500,
  });
}

/** The closing report: every record on the register in scope, who confirmed it in the campaign and when (blank: not confirmed). */
export async function campaignReport(scope: AuthorityScope, c: CampaignDates) {
  const rows = await db().school.findMany({
    where: { status: { in: ON_REGISTER }, ...inScope(scope) },
    orderBy: [{ authorityId: "asc" }, { namePinyin: "asc" }, { id: "asc" }],
    select: { publicCode: true, nameZh: true, lastConfirmedAt: true, lastConfirmedById: true, authority: { select: { nameZh: true, nameEn: true } } },
  });
  const inCampaign = (at: Date | null) => at !== null && at >= c.openedAt;
  const ids = [
    ...new Set(
      rows
        .filter((r) => inCampaign(r.lastConfirmedAt))
        .map((r) => r.lastConfirmedById)
        .filter((id): id is string => !!id),
    ),
  ];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, displayName: true } });
  const label = (id: string | null) => {
    const u = users.find((x) => x.id === id);
    return u ? u.displayName || u.username : "";
  };
  return rows.map((r) => ({
    authority: r.authority,
    publicCode: r.publicCode,
    nameZh: r.nameZh,
    confirmedAt: inCampaign(r.lastConfirmedAt) ? r.lastConfirmedAt : null,
    confirmedBy: inCampaign(r.lastConfirmedAt) ? label(r.lastConfirmedById) : "",
  }));
}

/** The public flag: on the register and not confirmed in the ended campaign (null: no ended campaign, or confirmed). */
export async function notConfirmedOnTime(school: { status: string; lastConfirmedAt: Date | string | null }, now: Date) {
  const c = await endedCampaign(now);
  if (!c || !ON_REGISTER.includes(school.status as (typeof ON_REGISTER)[number])) return null;
  const at = school.lastConfirmedAt === null ? null : new Date(school.lastConfirmedAt);
  return at !== null && at >= c.openedAt ? null : { year: c.year };
}
