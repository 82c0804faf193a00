import "server-only";
import { db } from "@/lib/db/client";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { staleWhere } from "@/lib/schools/stale";

/**
 * Registry work: records not confirmed for 12 months (lib/schools/stale.ts), within the scope.
 * A count and the oldest-confirmed first rows, never the whole list.
 */
export async function staleRecords(scope: AuthorityScope, now: Date, take: number) {
  const where = { ...inScope(scope), ...staleWhere(now) };
  const [count, rows] = await Promise.all([
    db().school.count({ where }),
    db().school.findMany({
      where,
      orderBy: [{ lastConfirmedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      take,
      select: { id: true, nameZh: true, nameEn: true, lastConfirmedAt: true },
    }),
  ]);
  return { count, rows };
}

/** Authorities behind on confirmation: stale records per authority, most first (the ministry's view). */
export async function staleByAuthority(scope: AuthorityScope, now: Date, take: number) {
  const where = { ...inScope(scope), ...staleWhere(now) };
  const [groups, all] = await Promise.all([
    db().school.groupBy({ by: ["authorityId"], where, _count: { _all: true }, orderBy: [{ _count: { authorityId: "desc" } }, { authorityId: "asc" }], take }),
    db().school.groupBy({ by: ["authorityId"], where }),
  ]);
  const names = await db().authority.findMany({
    where: { id: { in: groups.map((g) => g.authorityId) } },
    select: { id: true, nameZh: true, nameEn: true },
  });
  return {
    count: all.length,
    rows: groups.map((g) => ({ ...names.find((a) => a.id === g.authorityId)!, stale: g._count._all })),
  };
}
