import "server-only";
import { Prisma, readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import { shanghaiToday, ymd, iso } from "@/lib/kernel/dates";
import { fieldMask } from "@/lib/kernel/field-mask";
import { inIdOrder, likeEscape, schoolColumnFiltersSql, schoolCount, schoolIds, schoolMatchSql } from "@/lib/search/data";
import { schoolMatch } from "@/lib/search/school-match";
import { PUBLIC_SUMMARY_FIELDS } from "./fields";
import { type PublicSchoolSearch } from "./search-schema";
import type { PublicSchoolSummary, PublicSearchResult } from "./types";

export { getPublicSchool, getPublicSchoolAsOf, getPublicSchoolHistory, resolvePublicSchoolId } from "./record/data";

/**
 * Public search: the one name match (lib/search) plus the public filters. One SQL query finds the
 * page of ids, a second counts the matches (each can then use its own index; a window count would
 * read every match to serve 20); a third selects the page's public fields.
 * Reads go to the replica when there is one, through the version-checked cache (lib/db/read-cache.ts).
 */

/** Designation validity on a day: granted (ACTIVE, or ACCEPTED after acceptance), started, not ended. */
export const VALID_DESIGNATION_STATUSES = ["ACTIVE", "ACCEPTED"] as const;

function whereClause(f: PublicSchoolSearch, today: string): Prisma.Sql[] {
  const parts = schoolColumnFiltersSql(f);
  const match = schoolMatch(f.q);
  if (match) parts.push(schoolMatchSql(match));
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
  return parts;
}

function orderClause(f: PublicSchoolSearch): Prisma.Sql {
  const byName = Prisma.sql`s."namePinyin" ASC, s."nameZh" ASC, s."id" ASC`;
  if (f.sort === "established") return Prisma.sql`ORDER BY s."establishedDate" ASC NULLS LAST, ${byName}`;
  const match = schoolMatch(f.q);
  if (f.sort === "relevance" && match) {
    const py = match.pinyin;
    const exactPy = py ? Prisma.sql`s."namePinyin" = ${py} OR s."nameInitials" = ${py}` : Prisma.sql`FALSE`;
    const prefixPy = py ? Prisma.sql`OR s."namePinyin" LIKE ${`${py}%`} OR s."nameInitials" LIKE ${`${py}%`}` : Prisma.empty;
    return Prisma.sql`ORDER BY CASE
        WHEN s."nameZh" = ${match.text} OR ${match.text} = ANY(s."altNames" || s."formerNames") THEN 0
        WHEN ${exactPy} THEN 1
        WHEN s."nameZh" ILIKE ${`${likeEscape(match.text)}%`} ${prefixPy} THEN 2
        ELSE 3 END ASC,
      CASE WHEN s."status"::text IN ('PREPARING', 'OPERATING', 'ENROLMENT_SUSPENDED', 'RECTIFYING') THEN 0 ELSE 1 END ASC,
      ${byName}`;
  }
  return Prisma.sql`ORDER BY ${byName}`;
}

const summarySelect = {
  ...fieldMask(PUBLIC_SUMMARY_FIELDS),
  authority: { select: { id: true, nameZh: true, nameEn: true } },
  division: { select: { code: true, nameZh: true, nameEn: true } },
} as const;

async function searchUncached(f: PublicSchoolSearch, now: Date): Promise<PublicSearchResult> {
  const today = shanghaiToday(now);
  const where = whereClause(f, today);
  const offset = (f.page - 1) * f.pageSize;
  const [ids, total] = await Promise.all([schoolIds(readDb(), where, orderClause(f), f.pageSize, offset), schoolCount(readDb(), where)]);
  if (!ids.length) return { data: [], total, page: f.page, pageSize: f.pageSize };

  const data = await summariesOf(ids, today);
  return { data, total, page: f.page, pageSize: f.pageSize };
}

/** The public summaries of these schools, in the order given (ids that name no school are left out). */
export async function summariesOf(ids: string[], today: string): Promise<PublicSchoolSummary[]> {
  const todayDate = new Date(`${today}T00:00:00Z`);
  const found = await readDb().school.findMany({
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
  return inIdOrder(ids, found).map((s) => ({
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
  }));
}

/** The search, cached per query and Shanghai day until public data changes. */
export const searchPublicSchools: (f: PublicSchoolSearch, now?: Date) => Promise<PublicSearchResult> = cachedPublicRead(
  "public.search",
  (f: PublicSchoolSearch, now = new Date()) => searchUncached(f, now),
  (f, now = new Date()) => `${shanghaiToday(now)}:${JSON.stringify(f)}`,
);

/** Options for the search form: authorities, their cities, designations and the current catalogue's majors. */
export const publicSearchOptions = cachedPublicRead("public.searchOptions", searchOptionsUncached, () => "");

async function searchOptionsUncached() {
  const [authorities, divisions, majors] = await Promise.all([
    readDb().authority.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
    readDb().division.findMany({
      where: { schools: { some: {} } },
      orderBy: { code: "asc" },
      select: { code: true, nameZh: true, nameEn: true, authorityId: true },
    }),
    readDb().major.findMany({
      where: { edition: { isCurrent: true } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, nameZh: true, nameEn: true },
    }),
  ]);
  return { authorities, divisions, majors };
}
