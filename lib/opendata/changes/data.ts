import "server-only";
import { Prisma, readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import { ymd } from "@/lib/kernel/dates";
import { PUBLIC_FIELDS, publicFieldChanges, type PublicEntityType } from "@/lib/public/fields";
import type { ChangeEntityType, PublicChangeEntry } from "./shape";

/**
 * Public changes across the registry, in one SQL query over audit events (of schools, their majors
 * and designations — only events that touch a public field) and official dated changes, joined to
 * the school they concern. Ordered by time then id, so paging with `since` is stable.
 */
export type ChangeQuery = {
  since?: Date;
  authorityId?: string;
  schoolId?: string;
  order: "asc" | "desc";
  limit: number;
  offset: number;
};

/** A dated change's own columns (null on the audit branch), as the entry shows them. */
type ChangeColumns = Omit<NonNullable<PublicChangeEntry["change"]>, "kind" | "effectiveDate"> & { kind: string | null; effectiveDate: Date | null };

type Row = {
  id: string;
  at: Date;
  type: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  schoolId: string;
} & Omit<PublicChangeEntry["school"], "id"> &
  ChangeColumns;

const keys = (fields: readonly string[]) => Prisma.sql`ARRAY[${Prisma.join(fields.map((f) => Prisma.sql`${f}`))}]::text[]`;

function touchesPublic(entityType: PublicEntityType): Prisma.Sql {
  const k = keys(PUBLIC_FIELDS[entityType]);
  return Prisma.sql`(e."entityType" = ${entityType} AND (e."after" ?| ${k} OR e."before" ?| ${k}))`;
}

/**
 * The page and the total are two queries: the page can then stream in time order from the
 * indexes on AuditEvent."at" / SchoolChange."createdAt" and stop at LIMIT, instead of a window
 * count reading every event since `since`. A major's or designation's school is looked up per
 * event by primary key (a join would hash the whole SchoolMajor table). With an authority filter
 * the audit branch also says e."authorityId" = it, which the (authorityId, at) index serves: an
 * event's authorityId is its school's, and a school's authority never changes.
 * Cached until public data changes (lib/db/read-cache.ts); reads go to the replica when there is one.
 */
export const listPublicChanges = cachedPublicRead("opendata.changes", listUncached, (q) => JSON.stringify(q));

async function listUncached(q: ChangeQuery): Promise<{ data: PublicChangeEntry[]; total: number }> {
  const since = q.since ?? new Date(0);
  const filters: Prisma.Sql[] = [];
  if (q.authorityId) filters.push(Prisma.sql`s."authorityId" = ${q.authorityId}`);
  if (q.schoolId) filters.push(Prisma.sql`s."id" = ${q.schoolId}`);
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const narrow = q.authorityId ? Prisma.sql`AND e."authorityId" = ${q.authorityId}` : Prisma.empty;
  const dir = q.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const ev = Prisma.sql`
    WITH ev AS (
      SELECT 'audit:' || e."id" AS id, e."at", e."action" AS type, e."entityType", e."entityId", e."before", e."after",
             CASE e."entityType"
               WHEN 'School' THEN e."entityId"
               WHEN 'SchoolMajor' THEN (SELECT sm."schoolId" FROM "SchoolMajor" sm WHERE sm."id" = e."entityId")
               WHEN 'Designation' THEN (SELECT d."schoolId" FROM "Designation" d WHERE d."id" = e."entityId")
             END AS "schoolId",
             NULL::text AS kind, NULL::date AS "effectiveDate", NULL::text AS "documentNo", NULL::text AS "fromName", NULL::text AS "toName",
             NULL::text AS "fromTier", NULL::text AS "toTier", NULL::text AS "fromStatus", NULL::text AS "toStatus", NULL::text AS "relatedSchoolId"
      FROM "AuditEvent" e
      WHERE e."at" >= ${since} ${narrow} AND (${touchesPublic("School")} OR ${touchesPublic("SchoolMajor")} OR ${touchesPublic("Designation")})
      UNION ALL
      SELECT 'change:' || c."id", c."createdAt", 'change.' || c."kind"::text, 'SchoolChange', c."id", NULL::jsonb, NULL::jsonb, c."schoolId",
             c."kind"::text, c."effectiveDate", c."documentNo", c."fromName", c."toName",
             c."fromTier"::text, c."toTier"::text, c."fromStatus"::text, c."toStatus"::text, c."relatedSchoolId"
      FROM "SchoolChange" c
      WHERE c."createdAt" >= ${since}
    )`;
  const [rows, counted] = await Promise.all([
    readDb().$queryRaw<Row[]>(Prisma.sql`${ev}
      SELECT ev.*, s."publicCode", s."nameZh", s."nameEn", s."authorityId"
      FROM ev JOIN "School" s ON s."id" = ev."schoolId"
      ${where}
      ORDER BY ev."at" ${dir}, ev."id" ${dir}
      LIMIT ${q.limit} OFFSET ${q.offset}`),
    readDb().$queryRaw<{ n: bigint | number }[]>(Prisma.sql`${ev} SELECT count(*) AS n FROM ev JOIN "School" s ON s."id" = ev."schoolId" ${where}`),
  ]);
  return { data: rows.map(entryOf), total: Number(counted[0]?.n ?? 0) };
}

function entryOf({
  id,
  at,
  type,
  entityType,
  entityId,
  before,
  after,
  schoolId,
  publicCode,
  nameZh,
  nameEn,
  authorityId,
  kind,
  effectiveDate,
  ...change
}: Row): PublicChangeEntry {
  const official = entityType === "SchoolChange";
  return {
    id,
    at: at.toISOString(),
    type,
    entityType: entityType as ChangeEntityType,
    entityId,
    school: { id: schoolId, publicCode, nameZh, nameEn, authorityId },
    fields: official ? [] : publicFieldChanges(entityType as PublicEntityType, before, after),
    change: official ? { kind: kind ?? "", effectiveDate: ymd(effectiveDate) ?? "", ...change } : null,
  };
}
