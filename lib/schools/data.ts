import "server-only";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { fieldMask } from "@/lib/kernel/field-mask";
import { listAuthorities } from "@/lib/authorities/data";
import { cachedPrimaryRead } from "@/lib/db/read-cache";
import { inIdOrder, schoolColumnFiltersSql, schoolCount, schoolIds, schoolMatchSql, whereSql } from "@/lib/search/data";
import { schoolMatch } from "@/lib/search/school-match";
import { REGISTRABLE_FIELDS } from "./form-schema";
import { ON_REGISTER, staleBefore } from "./rules";
import type { SchoolListFilters } from "./list-filters";
import { isStale } from "./stale";
import type { FieldWarning } from "./warnings";
import { lookAlikes } from "@/lib/validation/confusables";

/**
 * Where a school list may look, as SQL over `"School" s`: the one name match (lib/search, the same
 * as the public search's) with the console's scope and filters on top. The scope's authority wins
 * over any `authority` filter. The list and its export both read ids through this and then select
 * their own fields by id (lib/search/data.ts says why the match is SQL).
 */
export function schoolListWhere(scope: AuthorityScope, filters: Partial<SchoolListFilters>, now = new Date()): Prisma.Sql[] {
  const parts = schoolColumnFiltersSql({ ...filters, authority: scope.authorityId ?? filters.authority });
  const match = schoolMatch(filters.q);
  if (match) parts.push(schoolMatchSql(match));
  if (filters.designation) {
    parts.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Designation" d
      WHERE d."schoolId" = s."id" AND d."kind"::text = ${filters.designation} AND d."status"::text IN ('ACTIVE', 'ACCEPTED')
    )`);
  }
  if (filters.stale) parts.push(staleSql(now));
  return parts;
}

/** The stale rule (lib/schools/stale.ts) as a condition: on the register and not confirmed for 12 months. */
function staleSql(now: Date): Prisma.Sql {
  // timestamp(3) columns hold UTC; a zone in the literal is ignored by a timestamp-without-zone cast.
  const before = staleBefore(now).toISOString();
  // The statuses as the enum, not text, so that (lastConfirmedAt, status) answers from the index.
  const onRegister = Prisma.join(ON_REGISTER.map((status) => Prisma.sql`${status}::"SchoolStatus"`));
  return Prisma.sql`(s."status" IN (${onRegister}) AND (s."lastConfirmedAt" IS NULL OR s."lastConfirmedAt" < ${before}::timestamp))`;
}

export function schoolListOrder(filters: Pick<SchoolListFilters, "sort" | "dir">): Prisma.Sql {
  const dir = filters.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (filters.sort) {
    case "updated":
      return Prisma.sql`ORDER BY s."updatedAt" ${dir}, s."id" ${dir}`;
    case "confirmed":
      // Never-confirmed records are the oldest: first when ascending.
      return Prisma.sql`ORDER BY s."lastConfirmedAt" ${dir} ${filters.dir === "desc" ? Prisma.sql`NULLS LAST` : Prisma.sql`NULLS FIRST`}, s."id" ${dir}`;
    case "tier":
      return Prisma.sql`ORDER BY s."tier" ${dir}, s."namePinyin" ASC, s."nameZh" ASC, s."id" ASC`;
    default:
      return Prisma.sql`ORDER BY s."namePinyin" ${dir}, s."nameZh" ${dir}, s."id" ${dir}`;
  }
}

/** What the list's table shows (and the authority id its scope is checked by), nothing more. */
const listSelect = {
  id: true,
  nameZh: true,
  nameEn: true,
  tier: true,
  status: true,
  authorityId: true,
  authority: { select: { shortZh: true, nameEn: true } },
  division: { select: { nameZh: true, nameEn: true } },
  updatedAt: true,
  lastConfirmedAt: true,
  isDemo: true,
} satisfies Prisma.SchoolSelect;

export type SchoolListRow = Prisma.SchoolGetPayload<{ select: typeof listSelect }> & { stale: boolean };

/** Up to this many name matches are found first and then sorted (lib/search/data.ts schoolIds). */
export const MATCH_FIRST_MAX = 20_000;

/**
 * How many schools the list's WHERE matches: exact, and reused while the data version is the same
 * (lib/db/read-cache.ts, on the primary: a user's own change shows in their next count). Counting
 * a national list reads every matching index entry (255,737 at scale 100), so paging through it
 * counts once. The stale filter depends on the clock, not only on the data: counted every time.
 */
function listCount(where: Prisma.Sql[], filters: SchoolListFilters): Promise<number> {
  if (filters.stale) return schoolCount(db(), where);
  const sql = whereSql(where);
  return cachedPrimaryRead(`console.schoolCount:${sql.sql}:${JSON.stringify(sql.values)}`, () => schoolCount(db(), where));
}

export async function listSchools(scope: AuthorityScope, filters: SchoolListFilters, now = new Date()) {
  const where = schoolListWhere(scope, filters, now);
  const offset = (filters.page - 1) * filters.pageSize;
  const page = (matchFirst: boolean) => schoolIds(db(), where, schoolListOrder(filters), filters.pageSize, offset, { matchFirst });
  // With a name match the count comes first: a narrow match is then found first and sorted.
  const [ids, total] = schoolMatch(filters.q)
    ? await listCount(where, filters).then(async (n) => [await page(n <= MATCH_FIRST_MAX), n] as const)
    : await Promise.all([page(false), listCount(where, filters)]);
  const rows = ids.length ? await db().school.findMany({ where: { id: { in: ids } }, select: listSelect }) : [];
  return { rows: inIdOrder(ids, rows).map((r): SchoolListRow => ({ ...r, stale: isStale(r, now) })), total };
}

/** The registrable fields, with the record's bookkeeping and the names its references point to. */
const editSelect = {
  ...fieldMask(["id", "version", ...REGISTRABLE_FIELDS, "formerNames", "lastConfirmedAt", "lastConfirmedById", "isDemo", "createdAt", "updatedAt"]),
  authority: { select: { nameZh: true, nameEn: true, shortZh: true } },
  division: { select: { nameZh: true, nameEn: true } },
  successor: { select: { id: true, nameZh: true } },
} satisfies Prisma.SchoolSelect;

export type SchoolForEdit = Prisma.SchoolGetPayload<{ select: typeof editSelect }>;

/** One school with everything the console shows and edits; null when it is outside the scope. */
export async function getSchoolForEdit(scope: AuthorityScope, id: string): Promise<SchoolForEdit | null> {
  return db().school.findFirst({
    where: { id, ...inScope(scope) },
    select: editSelect,
  });
}

export async function getUserLabel(id: string | null): Promise<string | null> {
  if (!id) return null;
  const u = await db().user.findUnique({ where: { id }, select: { displayName: true } });
  return u?.displayName ?? null;
}

/** Prefecture-level divisions a school may be placed in (of one authority, or all). */
export async function listDivisions(authorityId: string | null) {
  return db().division.findMany({
    where: authorityId ? { authorityId } : {},
    orderBy: { code: "asc" },
    select: { code: true, nameZh: true, nameEn: true, authorityId: true },
  });
}

/**
 * The list's filter choices, version-checked on the primary like its count (both tables raise the
 * data version): every console list request showed them, read afresh each time.
 */
export function listFilterChoices(authorities: boolean, divisionAuthority: string | null) {
  return Promise.all([
    authorities ? cachedPrimaryRead("console.authorities", listAuthorities) : [],
    divisionAuthority ? cachedPrimaryRead(`console.divisions:${divisionAuthority}`, () => listDivisions(divisionAuthority)) : [],
  ]);
}

export const HISTORY_PAGE_SIZE = 20;

/**
 * A school's audit timeline, newest first: events on the School row and on its majors and
 * designations (their ids are looked up first, so every branch uses the
 * (entityType, entityId, at) index). The caller has already checked the school is in scope.
 */
export async function listSchoolHistory(schoolId: string, page = 1, pageSize = HISTORY_PAGE_SIZE) {
  const [majors, designations] = await Promise.all([
    db().schoolMajor.findMany({ where: { schoolId }, select: { id: true } }),
    db().designation.findMany({ where: { schoolId }, select: { id: true } }),
  ]);
  const or: Prisma.AuditEventWhereInput[] = [{ entityType: "School", entityId: schoolId }];
  if (majors.length) or.push({ entityType: "SchoolMajor", entityId: { in: majors.map((m) => m.id) } });
  if (designations.length) or.push({ entityType: "Designation", entityId: { in: designations.map((d) => d.id) } });
  const where: Prisma.AuditEventWhereInput = { OR: or };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true, before: true, after: true, reason: true, source: true },
    }),
    db().auditEvent.count({ where }),
  ]);
  return { events, total, page, pageSize };
}

/** Names for ids that history entries refer to (majors of SchoolMajor rows, successor schools). */
export async function labelsForHistory(schoolMajorIds: string[]) {
  if (!schoolMajorIds.length) return new Map<string, string>();
  const rows = await db().schoolMajor.findMany({
    where: { id: { in: schoolMajorIds } },
    select: { id: true, major: { select: { nameZh: true, code: true } } },
  });
  return new Map(rows.map((r) => [r.id, `${r.major.nameZh}（${r.major.code}）`]));
}

/**
 * The authority's registered names that look like `nameZh` without being it (a katakana エ for 工, a
 * radical ⻋ for 车, a Cyrillic А: lib/validation/confusables.ts). A warning on `field`, never a
 * refusal; read in the write's transaction when a mutation asks (`reader`), else by the school page.
 */
export async function lookAlikeWarnings(
  authorityId: string,
  nameZh: string,
  field: string,
  excludeId: string | null = null,
  reader: Pick<Tx, "school"> = db(),
): Promise<FieldWarning[]> {
  const rows = await reader.school.findMany({ where: { authorityId, ...(excludeId ? { NOT: { id: excludeId } } : {}) }, select: { nameZh: true } });
  return lookAlikes(
    nameZh,
    rows.map((r) => r.nameZh),
  ).map((name) => ({ field, key: "lookAlikeName", params: { name } }));
}
