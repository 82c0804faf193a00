import "server-only";
import type { AuthorityScope } from "@/lib/auth/scope";
import { db, type Prisma } from "@/lib/db/client";
import { ON_REGISTER, staleBefore } from "./rules";
import type { SchoolListFilters } from "./list-filters";
import { isStale } from "./stale";

/** Where a school list may look: the scope's authority wins over any `authority` filter. */
export function schoolWhere(scope: AuthorityScope, filters: Partial<SchoolListFilters>, now = new Date()): Prisma.SchoolWhereInput {
  const and: Prisma.SchoolWhereInput[] = [];
  const authorityId = scope.authorityId ?? filters.authority;
  if (authorityId) and.push({ authorityId });
  if (filters.tier) and.push({ tier: filters.tier });
  if (filters.status) and.push({ status: filters.status });
  if (filters.city) and.push({ divisionCode: filters.city });
  if (filters.designation) {
    and.push({ designations: { some: { kind: filters.designation, status: { in: ["ACTIVE", "ACCEPTED"] } } } });
  }
  if (filters.stale) and.push(staleWhere(now));
  const q = filters.q?.trim();
  if (q) {
    const latin = q.toLowerCase().replace(/[\s'’-]+/g, "");
    // Every name of the school (Chinese, English, other, former) is in searchText (trigram index,
    // used from 3 characters) and its 1–2 character pieces in searchGrams (GIN), both kept by a trigger.
    const short = [...q].length <= 2 && !/\s/.test(q);
    const or: Prisma.SchoolWhereInput[] = [short ? { searchGrams: { has: q.toLowerCase() } } : { searchText: { contains: q, mode: "insensitive" } }];
    if (/^[a-z]+$/.test(latin)) or.push({ namePinyin: { contains: latin } }, { nameInitials: { startsWith: latin } });
    if (/^[0-9A-Za-z]{6,18}$/.test(q)) or.push({ uscc: q.toUpperCase() }, { publicCode: q.toUpperCase() });
    and.push({ OR: or });
  }
  return and.length ? { AND: and } : {};
}

/** The stale rule (lib/schools/stale.ts) as a query: on the register and not confirmed for 12 months. */
export function staleWhere(now = new Date()): Prisma.SchoolWhereInput {
  return { status: { in: ON_REGISTER }, OR: [{ lastConfirmedAt: null }, { lastConfirmedAt: { lt: staleBefore(now) } }] };
}

export function schoolOrderBy(filters: Pick<SchoolListFilters, "sort" | "dir">): Prisma.SchoolOrderByWithRelationInput[] {
  const dir = filters.dir;
  const byName: Prisma.SchoolOrderByWithRelationInput[] = [{ namePinyin: dir }, { nameZh: dir }];
  switch (filters.sort) {
    case "updated":
      return [{ updatedAt: dir }, { id: dir }];
    case "confirmed":
      // Never-confirmed records are the oldest: first when ascending.
      return [{ lastConfirmedAt: { sort: dir, nulls: dir === "asc" ? "first" : "last" } }, { id: dir }];
    case "tier":
      return [{ tier: dir }, { namePinyin: "asc" }, { nameZh: "asc" }, { id: "asc" }];
    default:
      return [...byName, { id: dir }];
  }
}

const listSelect = {
  id: true,
  publicCode: true,
  nameZh: true,
  nameEn: true,
  tier: true,
  status: true,
  authorityId: true,
  authority: { select: { shortZh: true, nameEn: true } },
  divisionCode: true,
  division: { select: { nameZh: true, nameEn: true } },
  uscc: true,
  fullTimeStudents: true,
  updatedAt: true,
  lastConfirmedAt: true,
  isDemo: true,
} satisfies Prisma.SchoolSelect;

export type SchoolListRow = Prisma.SchoolGetPayload<{ select: typeof listSelect }> & { stale: boolean };

export async function listSchools(scope: AuthorityScope, filters: SchoolListFilters, now = new Date()) {
  const where = schoolWhere(scope, filters, now);
  const [rows, total] = await Promise.all([
    db().school.findMany({
      where,
      orderBy: schoolOrderBy(filters),
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: listSelect,
    }),
    db().school.count({ where }),
  ]);
  return { rows: rows.map((r): SchoolListRow => ({ ...r, stale: isStale(r, now) })), total };
}

const editSelect = {
  id: true,
  publicCode: true,
  version: true,
  nameZh: true,
  nameEn: true,
  altNames: true,
  formerNames: true,
  tier: true,
  tierSince: true,
  ownership: true,
  sponsorType: true,
  sponsorName: true,
  authorityId: true,
  authority: { select: { nameZh: true, nameEn: true, shortZh: true } },
  divisionCode: true,
  division: { select: { nameZh: true, nameEn: true } },
  address: true,
  website: true,
  uscc: true,
  approvalDocNo: true,
  approvalDate: true,
  establishedDate: true,
  status: true,
  statusSince: true,
  figuresYear: true,
  fullTimeStudents: true,
  trainingPersonTimes: true,
  campusArea: true,
  buildingArea: true,
  equipmentValue: true,
  teachers: true,
  majorCount: true,
  contactName: true,
  contactPhone: true,
  successor: { select: { id: true, nameZh: true } },
  lastConfirmedAt: true,
  lastConfirmedById: true,
  isDemo: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SchoolSelect;

export type SchoolForEdit = Prisma.SchoolGetPayload<{ select: typeof editSelect }>;

/** One school with everything the console shows and edits; null when it is outside the scope. */
export async function getSchoolForEdit(scope: AuthorityScope, id: string): Promise<SchoolForEdit | null> {
  return db().school.findFirst({
    where: { id, ...(scope.authorityId ? { authorityId: scope.authorityId } : {}) },
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
