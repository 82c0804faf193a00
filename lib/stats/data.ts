import "server-only";
import type { SchoolTier } from "@/lib/kernel/enums";
import { db, readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { ON_REGISTER } from "@/lib/schools/rules";
import { staleWhere } from "@/lib/schools/stale";

/**
 * Public national counts: schools on the register by tier and by authority (one grouped query),
 * from the replica when there is one, cached until public data changes (lib/db/read-cache.ts).
 */
export const nationalCounts = cachedPublicRead("stats.national", nationalCountsUncached, () => "");

async function nationalCountsUncached() {
  const grouped = await readDb().school.groupBy({
    by: ["authorityId", "tier"],
    where: { status: { in: ON_REGISTER } },
    _count: { _all: true },
  });
  const byTier: Record<SchoolTier, number> = { TECHNICIAN_COLLEGE: 0, SENIOR_TECHNICAL_SCHOOL: 0, TECHNICAL_SCHOOL: 0 };
  const byAuthority = new Map<string, Record<SchoolTier, number>>();
  for (const g of grouped) {
    byTier[g.tier] += g._count._all;
    const row = byAuthority.get(g.authorityId) ?? { TECHNICIAN_COLLEGE: 0, SENIOR_TECHNICAL_SCHOOL: 0, TECHNICAL_SCHOOL: 0 };
    row[g.tier] += g._count._all;
    byAuthority.set(g.authorityId, row);
  }
  const total = byTier.TECHNICIAN_COLLEGE + byTier.SENIOR_TECHNICAL_SCHOOL + byTier.TECHNICAL_SCHOOL;
  return { total, byTier, byAuthority };
}

/**
 * The numbers on a console home page, within the caller's scope. Two labelled school numbers:
 * `schools` on the register (lib/schools/rules.ts ON_REGISTER) and `records`, every record the
 * console's school list counts (closed and merged schools too), so neither reads as the other.
 */
export async function scopeCounts(scope: AuthorityScope, now = new Date()) {
  const where = inScope(scope);
  const onRegister = { ...where, status: { in: ON_REGISTER } };
  const [schools, records, stale, majors, designations, demo] = await Promise.all([
    db().school.count({ where: onRegister }),
    db().school.count({ where }),
    db().school.count({ where: { ...where, ...staleWhere(now) } }),
    db().schoolMajor.count({ where: { school: onRegister, status: { not: "WITHDRAWN" } } }),
    db().designation.count({ where: { school: where, status: "ACTIVE" } }),
    db().school.count({ where: { ...where, isDemo: true } }),
  ]);
  return { schools, records, stale, majors, designations, hasDemo: demo > 0 };
}

export async function usersByRole() {
  const g = await db().user.groupBy({ by: ["role"], _count: { _all: true } });
  return g.map((r) => ({ role: r.role, count: r._count._all }));
}

export async function auditCountSince(since: Date) {
  return db().auditEvent.count({ where: { at: { gte: since } } });
}

export async function hasDemoData() {
  return (await db().school.count({ where: { isDemo: true }, take: 1 })) > 0;
}
