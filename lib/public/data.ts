import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { shanghaiToday, ymd, iso } from "./dates";
import { pinyinQuery, prefixRange, type PublicSchoolSearch } from "./search-schema";
import type { PublicSchoolSummary, PublicSearchResult } from "./types";

export { getPublicSchool, getPublicSchoolAsOf, getPublicSchoolHistory, resolvePublicSchoolId } from "./record/data";

/**
 * Public search. One SQL query finds the page of ids and the total (count(*) OVER ()). Pinyin and
 * initials are prefix matches on the indexed namePinyin / nameInitials columns, written as a range
 * (>= lower AND < upper) so the btree index serves it under any collation; Chinese names use ILIKE
 * contains (a later issue adds pg_trgm for it). A second query selects the page's public fields.
 */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Designation validity on a day: granted (ACTIVE, or ACCEPTED after acceptance), started, not ended. */
export const VALID_DESIGNATION_STATUSES = ["ACTIVE", "ACCEPTED"] as const;

function pinyinPrefix(column: Prisma.Sql, py: string): Prisma.Sql {
  const { lower, upper } = prefixRange(py);
  const range = upper === null ? Prisma.sql`${column} >= ${lower}` : Prisma.sql`${column} >= ${lower} AND ${column} < ${upper}`;
  return Prisma.sql`(${range} AND ${column} LIKE ${`${py}%`})`;
}

function whereClause(f: PublicSchoolSearch, today: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.q) {
    const contains = `%${likeEscape(f.q)}%`;
    const py = pinyinQuery(f.q);
    const nameMatch = [
      Prisma.sql`s."nameZh" ILIKE ${contains}`,
      Prisma.sql`s."nameEn" ILIKE ${contains}`,
      Prisma.sql`EXISTS (SELECT 1 FROM unnest(s."altNames" || s."formerNames") AS n(v) WHERE n.v ILIKE ${contains})`,
    ];
    if (py) nameMatch.push(pinyinPrefix(Prisma.sql`s."namePinyin"`, py), pinyinPrefix(Prisma.sql`s."nameInitials"`, py));
    parts.push(Prisma.sql`(${Prisma.join(nameMatch, " OR ")})`);
  }
  if (f.authority) parts.push(Prisma.sql`s."authorityId" = ${f.authority}`);
  if (f.city) parts.push(Prisma.sql`s."divisionCode" = ${f.city}`);
  if (f.tier) parts.push(Prisma.sql`s."tier"::text = ${f.tier}`);
  if (f.status) parts.push(Prisma.sql`s."status"::text = ${f.status}`);
  if (f.major) {
    parts.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "SchoolMajor" sm
      JOIN "Major" m ON m."id" = sm."majorId"
      JOIN "MajorCatalogEdition" e ON e."id" = m."editionId"
      WHERE sm."schoolId" = s."id" AND sm."status"::text <> 'WITHDRAWN'
        AND (m."id" = ${f.major} OR (m."code" = ${f.major} AND e."isCurrent"))
    )`);
  }
  if (f.designation) {
    parts.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Designation" d
      WHERE d."schoolId" = s."id" AND d."kind"::text = ${f.designation}
        AND d."status"::text IN ('ACTIVE', 'ACCEPTED')
        AND d."startDate" <= ${today}::date AND (d."endDate" IS NULL OR d."endDate" >= ${today}::date)
    )`);
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function orderClause(f: PublicSchoolSearch): Prisma.Sql {
  const byName = Prisma.sql`s."namePinyin" ASC, s."nameZh" ASC, s."id" ASC`;
  if (f.sort === "established") return Prisma.sql`ORDER BY s."establishedDate" ASC NULLS LAST, ${byName}`;
  if (f.sort === "relevance" && f.q) {
    const py = pinyinQuery(f.q);
    const exactPy = py ? Prisma.sql`s."namePinyin" = ${py} OR s."nameInitials" = ${py}` : Prisma.sql`FALSE`;
    const prefixPy = py ? Prisma.sql`OR s."namePinyin" LIKE ${`${py}%`} OR s."nameInitials" LIKE ${`${py}%`}` : Prisma.empty;
    return Prisma.sql`ORDER BY CASE
        WHEN s."nameZh" = ${f.q} OR ${f.q} = ANY(s."altNames" || s."formerNames") THEN 0
        WHEN ${exactPy} THEN 1
        WHEN s."nameZh" ILIKE ${`${likeEscape(f.q)}%`} ${prefixPy} THEN 2
        ELSE 3 END ASC,
      CASE WHEN s."status"::text IN ('PREPARING', 'OPERATING', 'ENROLMENT_SUSPENDED', 'RECTIFYING') THEN 0 ELSE 1 END ASC,
      ${byName}`;
  }
  return Prisma.sql`ORDER BY ${byName}`;
}

const summarySelect = {
  id: true,
  publicCode: true,
  nameZh: true,
  nameEn: true,
  altNames: true,
  formerNames: true,
  tier: true,
  status: true,
  ownership: true,
  establishedDate: true,
  lastConfirmedAt: true,
  isDemo: true,
  authority: { select: { id: true, nameZh: true, nameEn: true } },
  division: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

export async function searchPublicSchools(f: PublicSchoolSearch, now = new Date()): Promise<PublicSearchResult> {
  const today = shanghaiToday(now);
  const where = whereClause(f, today);
  const offset = (f.page - 1) * f.pageSize;
  const rows = await db().$queryRaw<{ id: string; total: bigint | number }[]>(
    Prisma.sql`SELECT s."id", count(*) OVER () AS total FROM "School" s ${where} ${orderClause(f)} LIMIT ${f.pageSize} OFFSET ${offset}`,
  );
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && f.page > 1) {
    const c = await db().$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT count(*) AS n FROM "School" s ${where}`);
    total = Number(c[0]?.n ?? 0);
  }
  const ids = rows.map((r) => r.id);
  if (!ids.length) return { data: [], total, page: f.page, pageSize: f.pageSize };

  const todayDate = new Date(`${today}T00:00:00Z`);
  const found = await db().school.findMany({
    where: { id: { in: ids } },
    select: {
      ...summarySelect,
      designations: {
        where: {
          status: { in: [...VALID_DESIGNATION_STATUSES] },
          startDate: { lte: todayDate },
          OR: [{ endDate: null }, { endDate: { gte: todayDate } }],
        },
        orderBy: [{ kind: "asc" }, { startDate: "asc" }],
        select: { kind: true, level: true, status: true, startDate: true, endDate: true },
      },
    },
  });
  const byId = new Map(found.map((s) => [s.id, s]));
  const data: PublicSchoolSummary[] = ids.flatMap((id) => {
    const s = byId.get(id);
    if (!s) return [];
    return [
      {
        id: s.id,
        publicCode: s.publicCode,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        altNames: s.altNames,
        formerNames: s.formerNames,
        tier: s.tier,
        status: s.status,
        ownership: s.ownership,
        authority: s.authority,
        city: s.division,
        establishedDate: ymd(s.establishedDate),
        designations: s.designations.map((d) => ({ ...d, startDate: ymd(d.startDate)!, endDate: ymd(d.endDate) })),
        lastConfirmedAt: iso(s.lastConfirmedAt),
        isDemo: s.isDemo,
      },
    ];
  });
  return { data, total, page: f.page, pageSize: f.pageSize };
}

/** Options for the search form: authorities, their cities, designations and the current catalogue's majors. */
export async function publicSearchOptions() {
  const [authorities, divisions, majors] = await Promise.all([
    db().authority.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
    db().division.findMany({
      where: { schools: { some: {} } },
      orderBy: { code: "asc" },
      select: { code: true, nameZh: true, nameEn: true, authorityId: true },
    }),
    db().major.findMany({
      where: { edition: { isCurrent: true } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, nameZh: true, nameEn: true },
    }),
  ]);
  return { authorities, divisions, majors };
}
