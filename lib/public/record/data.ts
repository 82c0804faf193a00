import "server-only";
import { readDb } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/db/read-cache";
import { isPublicCodeShape, normalisePublicCode } from "@/lib/schools/public-code";
import { hasControlChar } from "@/lib/validation/text";
import { fieldMask } from "@/lib/kernel/field-mask";
import { eventsAfter, undoEntities, undoEvents, type FlatRecord } from "../as-of";
import { PUBLIC_CHANGE_FIELDS, PUBLIC_DESIGNATION_FIELDS, PUBLIC_SCHOOL_FIELDS, PUBLIC_SCHOOL_MAJOR_FIELDS } from "../fields";
import { endOfShanghaiDay, iso, shanghaiToday, ymd } from "@/lib/kernel/dates";
import type { PublicChange, PublicSchool, PublicSchoolRef } from "../types";
import { buildPublicSchool, type MajorRef } from "./build";

export { getPublicSchoolHistory } from "../history/data";

/**
 * The public record of one school, now or as it stood at the end of a past day. Every query
 * selects public fields only: contacts, annual figures, confirmers and creators never leave here.
 */
const DATE_COLUMNS = new Set(["tierSince", "statusSince", "approvalDate", "establishedDate", "startDate", "endDate"]);

function flat(row: Record<string, unknown>): FlatRecord {
  const out: FlatRecord = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? (DATE_COLUMNS.has(k) ? ymd(v) : iso(v)) : v;
  return out;
}

const refSelect = { id: true, publicCode: true, nameZh: true, nameEn: true, status: true } as const;

/** The school's id from its id or its public code; null when neither matches (or the input is absurd). */
export async function resolvePublicSchoolId(idOrCode: string): Promise<string | null> {
  // A control character (NUL above all: PostgreSQL refuses it) is in no id or code.
  if (!idOrCode || idOrCode.length > 40 || hasControlChar(idOrCode)) return null;
  const code = normalisePublicCode(idOrCode);
  const where = isPublicCodeShape(code) ? { publicCode: code } : { id: idOrCode };
  const hit = await readDb().school.findUnique({ where, select: { id: true } });
  return hit?.id ?? null;
}

const schoolSelect = fieldMask(["id", "publicCode", "isDemo", "createdAt", "updatedAt", ...PUBLIC_SCHOOL_FIELDS]);

async function loadCurrent(id: string) {
  const school = await readDb().school.findUnique({ where: { id }, select: schoolSelect });
  if (!school) return null;
  const majors = await readDb().schoolMajor.findMany({
    where: { schoolId: id },
    select: fieldMask(["id", ...PUBLIC_SCHOOL_MAJOR_FIELDS]),
  });
  const designations = await readDb().designation.findMany({
    where: { schoolId: id },
    select: fieldMask(["id", "isDemo", ...PUBLIC_DESIGNATION_FIELDS]),
  });
  const predecessors = await readDb().school.findMany({ where: { successorId: id }, select: refSelect, orderBy: { nameZh: "asc" } });
  const changes = await readDb().schoolChange.findMany({
    where: { schoolId: id },
    orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }],
    select: { ...fieldMask(PUBLIC_CHANGE_FIELDS), relatedSchool: { select: refSelect } },
  });
  return { school, majors, designations, predecessors, changes };
}

async function majorRefs(ids: string[]): Promise<Map<string, MajorRef>> {
  if (!ids.length) return new Map();
  const rows = await readDb().major.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, nameZh: true, nameEn: true, category: { select: { nameZh: true, nameEn: true } } },
  });
  return new Map(
    rows.map((m) => [m.id, { id: m.id, code: m.code, nameZh: m.nameZh, nameEn: m.nameEn, categoryZh: m.category.nameZh, categoryEn: m.category.nameEn }]),
  );
}

async function schoolRef(id: unknown): Promise<PublicSchoolRef | null> {
  if (typeof id !== "string" || !id) return null;
  return readDb().school.findUnique({ where: { id }, select: refSelect });
}

export type PublicSchoolView =
  { kind: "record"; school: PublicSchool } | { kind: "notYetRegistered"; id: string; publicCode: string; nameZh: string; registeredAt: string; asOf: string };

/** The current public record. */
export async function getPublicSchool(idOrCode: string, now = new Date()): Promise<PublicSchool | null> {
  const view = await getPublicSchoolAsOf(idOrCode, null, now);
  return view?.kind === "record" ? view.school : null;
}

/**
 * The public record as it stood at the end of `asOf` (Asia/Shanghai), rebuilt from the audit trail;
 * asOf null gives the current record. Null when no school has this id or code.
 */
export const getPublicSchoolAsOf: (idOrCode: string, asOf: string | null, now?: Date) => Promise<PublicSchoolView | null> = cachedPublicRead(
  "public.school",
  (idOrCode: string, asOf: string | null, now = new Date()) => schoolAsOfUncached(idOrCode, asOf, now),
  (idOrCode, asOf, now = new Date()) => `${shanghaiToday(now)}:${asOf ?? ""}:${idOrCode}`,
);

async function schoolAsOfUncached(idOrCode: string, asOf: string | null, now: Date): Promise<PublicSchoolView | null> {
  const id = await resolvePublicSchoolId(idOrCode);
  if (!id) return null;
  const cur = await loadCurrent(id);
  if (!cur) return null;
  const { createdAt, updatedAt, ...rest } = cur.school;
  // Registered when its create event says (demo and imported histories are dated), else when the row was made.
  const createEvent = await readDb().auditEvent.findFirst({
    where: { entityType: "School", entityId: id, action: "school.create" },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  const registeredAt = (createEvent?.at ?? createdAt).toISOString();
  let school: FlatRecord | null = flat(rest);
  let majors = cur.majors.map((m) => flat(m));
  let designations = cur.designations.map((d) => flat(d));
  let predecessors = cur.predecessors;
  let changes = cur.changes;

  if (asOf) {
    const cutoff = endOfShanghaiDay(asOf);
    const childIds = [...majors.map((m) => String(m.id)), ...designations.map((d) => String(d.id))];
    const events = await readDb().auditEvent.findMany({
      where: {
        at: { gte: cutoff },
        OR: [
          { entityType: "School", entityId: { in: [id, ...predecessors.map((p) => p.id)] } },
          { entityType: { in: ["SchoolMajor", "Designation"] }, entityId: { in: childIds } },
        ],
      },
      select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true },
    });
    const later = eventsAfter(events, asOf);
    const ofSchool = later.filter((e) => e.entityType === "School" && e.entityId === id);
    school = undoEvents(school, ofSchool, PUBLIC_SCHOOL_FIELDS);
    // Without a create event (records loaded before auditing), the row's creation time decides.
    if (!school || (!createEvent && createdAt >= cutoff)) {
      return { kind: "notYetRegistered", id, publicCode: cur.school.publicCode, nameZh: cur.school.nameZh, registeredAt, asOf };
    }
    // A confirmation after the day cannot be known on it (older records have no confirm events).
    if (typeof school.lastConfirmedAt === "string" && new Date(school.lastConfirmedAt) >= cutoff) school.lastConfirmedAt = null;
    majors = undoEntities(
      majors,
      later.filter((e) => e.entityType === "SchoolMajor"),
      PUBLIC_SCHOOL_MAJOR_FIELDS,
    );
    designations = undoEntities(
      designations,
      later.filter((e) => e.entityType === "Designation"),
      PUBLIC_DESIGNATION_FIELDS,
    );
    predecessors = predecessors.filter((p) => {
      const was = undoEvents(
        { successorId: id },
        later.filter((e) => e.entityType === "School" && e.entityId === p.id),
        ["successorId"],
      );
      return was?.successorId === id;
    });
    changes = changes.filter((c) => ymd(c.effectiveDate)! <= asOf);
  }

  const authorityId = String(school.authorityId);
  const divisionCode = typeof school.divisionCode === "string" ? school.divisionCode : null;
  const [authority, city, successor, refs] = await Promise.all([
    readDb().authority.findUnique({ where: { id: authorityId }, select: { id: true, nameZh: true, nameEn: true } }),
    divisionCode ? readDb().division.findUnique({ where: { code: divisionCode }, select: { code: true, nameZh: true, nameEn: true } }) : null,
    schoolRef(school.successorId),
    majorRefs([...new Set([...majors, ...designations].map((r) => r.majorId).filter((v): v is string => typeof v === "string"))]),
  ]);
  const publicChanges: PublicChange[] = changes.map((c) => ({ ...c, effectiveDate: ymd(c.effectiveDate)! }));
  const record = buildPublicSchool({
    school: { ...school, id, publicCode: cur.school.publicCode, isDemo: cur.school.isDemo, registeredAt, updatedAt: updatedAt.toISOString() },
    authority: authority ?? { id: authorityId, nameZh: authorityId, nameEn: authorityId },
    city,
    successor,
    predecessors,
    majors,
    designations,
    majorRefs: refs,
    changes: publicChanges,
    day: asOf ?? shanghaiToday(now),
    asOf,
  });
  return { kind: "record", school: record };
}
