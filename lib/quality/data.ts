import "server-only";
import { Prisma, db } from "@/lib/db/client";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { ON_REGISTER } from "@/lib/schools/rules";
import { anyBelowWhere, measures, missingRequiredWhere, ON_REGISTER_WHERE, type Measure } from "./measures";

/** A Prisma `where` on School: what every measure is (lib/quality/measures.ts). */
export type SchoolWhere = Prisma.SchoolWhereInput;

/**
 * Suspected duplicates: a school on the register that shares with another one on the register its
 * USCC, or — in the same city — its name (names are stored normalised: lib/validation/safe-text.ts
 * runs normaliseName before a name is saved, so equal text is equal after normalisation) or the
 * pinyin of its name. Both schools of a pair are listed. A self-join Prisma cannot express, so the
 * ids come from SQL and the measure is `{ id: { in: ids } }` — the count and the list read that one
 * set (docs/decisions/0061). USCC is unique in the schema today; the clause keeps the rule whole.
 */
export async function duplicateIds(scope: AuthorityScope): Promise<string[]> {
  const statuses = Prisma.join(ON_REGISTER.map((s) => Prisma.sql`${s}::"SchoolStatus"`));
  const scoped = scope.authorityId ? Prisma.sql`AND s."authorityId" = ${scope.authorityId}` : Prisma.empty;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "School" s
    WHERE s."status" IN (${statuses}) ${scoped}
      AND EXISTS (
        SELECT 1 FROM "School" t
        WHERE t."id" <> s."id" AND t."status" IN (${statuses})
          AND (t."uscc" = s."uscc"
            OR (t."divisionCode" = s."divisionCode" AND (t."nameZh" = s."nameZh" OR (s."namePinyin" <> '' AND t."namePinyin" = s."namePinyin")))))
    ORDER BY s."id"`;
  return rows.map((r) => r.id);
}

/**
 * Every measure in the scope: those of measures.ts, and those that need the suspected duplicates
 * (their ids read once, within the scope) — the duplicates themselves, and "records with a problem"
 * (a missing required public field, a figure below the standard, or a suspected duplicate: the
 * measure by which the ministry sees which authorities are behind).
 */
export async function allMeasures(scope: AuthorityScope, now: Date): Promise<Measure[]> {
  const duplicates: SchoolWhere = { id: { in: await duplicateIds(scope) } };
  const upkeep: Measure[] = [
    { key: "problems", group: "upkeep", where: { OR: [missingRequiredWhere(), anyBelowWhere(), duplicates] } },
    { key: "duplicates", group: "upkeep", where: duplicates },
    { key: "belowAny", group: "upkeep", where: anyBelowWhere() },
  ];
  const list = measures(now);
  const at = list.findIndex((m) => m.group === "belowStandard");
  return [...list.slice(0, at), ...upkeep, ...list.slice(at)];
}

export async function measureOf(scope: AuthorityScope, now: Date, key: string): Promise<Measure | undefined> {
  return (await allMeasures(scope, now)).find((m) => m.key === key);
}

export const within = (scope: AuthorityScope, where: SchoolWhere): SchoolWhere => ({ AND: [inScope(scope), where] });

export async function countByAuthority(where: SchoolWhere): Promise<Map<string, number>> {
  const groups = await db().school.groupBy({ by: ["authorityId"], where, _count: { _all: true } });
  return new Map(groups.map((g) => [g.authorityId, g._count._all]));
}

const COUNTS_AT_ONCE = 3;

/**
 * The data-quality page: for each authority in the scope (every one, side by side, for the
 * ministry), the records on the register and each measure's count — each one a SQL aggregate
 * (GROUP BY authority) over the measure's own `where`.
 */
export async function qualityCounts(scope: AuthorityScope, now: Date) {
  const list = await allMeasures(scope, now);
  const authorities = await db().authority.findMany({
    where: scope.authorityId ? { id: scope.authorityId } : {},
    orderBy: { sortOrder: "asc" },
    select: { id: true, nameZh: true, nameEn: true },
  });
  const totals = await countByAuthority(within(scope, ON_REGISTER_WHERE));
  // A few aggregates at a time: ~35 at once would queue past the pool's connection timeout under load.
  const counts: Map<string, number>[] = [];
  for (let i = 0; i < list.length; i += COUNTS_AT_ONCE) {
    counts.push(...(await Promise.all(list.slice(i, i + COUNTS_AT_ONCE).map((m) => countByAuthority(within(scope, m.where))))));
  }
  return {
    measures: list.map(({ key, group, params }) => ({ key, group, params })),
    rows: authorities.map((a) => ({ ...a, total: totals.get(a.id) ?? 0, counts: Object.fromEntries(list.map((m, i) => [m.key, counts[i].get(a.id) ?? 0])) })),
  };
}

export const DRILL_PAGE_SIZE = 100;

/** The records behind one number: the same `where` as its count, in the console list's order. */
export async function listMeasure(scope: AuthorityScope, measure: Measure, page: number, pageSize = DRILL_PAGE_SIZE) {
  const where = within(scope, measure.where);
  const [total, rows] = await Promise.all([
    db().school.count({ where }),
    db().school.findMany({
      where,
      orderBy: [{ authorityId: "asc" }, { namePinyin: "asc" }, { nameZh: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        tier: true,
        status: true,
        uscc: true,
        lastConfirmedAt: true,
        authority: { select: { id: true, nameZh: true, nameEn: true } },
        division: { select: { nameZh: true, nameEn: true } },
      },
    }),
  ]);
  return { total, rows };
}

export async function authorityNames(ids: string[]) {
  return db().authority.findMany({ where: { id: { in: ids } }, select: { id: true, nameZh: true, nameEn: true } });
}
