import "server-only";
import { insertJson, newId, type BulkColumns } from "@/lib/db/bulk-insert";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { dateOnlyOrNull } from "@/lib/kernel/dates";
import { DATE_FIELDS } from "@/lib/schools/form-schema";
import { registerSchools, writeSchoolVersions } from "@/lib/schools/writer/mutations";
import type { MajorUpdatePlan, SchoolMajorPlan } from "../major-rows";
import type { SchoolPlan } from "../school-rows";

/**
 * The writes of a confirmed import, inside the commit's transaction. Schools go through THE
 * School writer in its batched form (lib/schools/writer/mutations.ts: registerSchools for the
 * new ones, writeSchoolVersions for the updates) — the same code the console forms use, so an
 * imported school is registered exactly like one typed in. Majors are written set-based (below).
 * Every event has source "import" and the file as its reason.
 */
/**
 * Rows per statement. Prisma keeps the arguments of its last 100 debug calls, logging on or off
 * (@prisma/debug's history, and the client runtime's own copy): each statement's JSON parameter
 * stays alive for ~100 statements after it ran. At 1,000 rows (~1 MB of audit JSON, two bytes a
 * character once it holds Chinese) that was ~75 MB held at the commit's peak of a 50,000-row import;
 * at 250 it is a quarter of that for ~300 more statements (issue 15, heap snapshots of bench-import).
 */
const BATCH = 250;
const LINKS = 50;

export type Written = { created: { id: string; name: string }[]; updated: { id: string; name: string }[] };

/**
 * New and changed schools go to the writer SCHOOL_BATCH at a time: a School row, its 新设 and its
 * event are ~4.5 kB of JSON, and Prisma keeps them in its history as above (twice over for raw
 * statements: the parameter, and the client's log line that quotes it). At the writer's own 1,000
 * a statement a 20,000-row file kept ~90 MB of them alive and its commit died in a 160 MB heap
 * (256 too); at 100 it keeps ~15 MB. Same rows and events, in the same order.
 */
const SCHOOL_BATCH = 100;

export async function writeSchoolPlan(ctx: WriteContext, plan: SchoolPlan, reason: string): Promise<Written> {
  const created: Written["created"] = [];
  for (let i = 0; i < plan.creates.length; i += SCHOOL_BATCH) {
    const registered = await registerSchools(
      ctx,
      plan.creates.slice(i, i + SCHOOL_BATCH).map((c) => c.data),
      reason,
    );
    for (const s of registered) if (created.length < LINKS) created.push({ id: s.id, name: s.nameZh });
  }
  for (let i = 0; i < plan.updates.length; i += SCHOOL_BATCH) {
    await writeSchoolVersions(
      ctx,
      plan.updates.slice(i, i + SCHOOL_BATCH).map((u) => ({
        school: { id: u.id, version: u.version, authorityId: u.authorityId },
        data: Object.fromEntries(Object.keys(u.after).map((f) => [f, DATE_FIELDS.has(f) ? dateOnlyOrNull(u.data[f] as string | null) : u.data[f]])),
        event: { action: "school.update", before: u.before, after: u.after, reason },
        row: u.row,
      })),
    );
  }
  return { created, updated: plan.updates.slice(0, LINKS).map((u) => ({ id: u.id, name: u.name })) };
}

const MAJOR_COLUMNS: BulkColumns = [
  ["id", "text"],
  ["schoolId", "text"],
  ["majorId", "text"],
  ["level", '"TrainingLevel"'],
  ["startingPoint", '"StartingPoint"'],
  ["years", "integer"],
  ["status", '"SchoolMajorStatus"'],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];

/**
 * School majors are written set-based, one statement per BATCH rows (lib/db/bulk-insert.ts),
 * under the bulk-load convention the commit opens: Prisma's createManyAndReturn and a statement
 * per update cost about a millisecond each, which was most of a 50,000-row commit.
 */
export async function writeMajorPlan(ctx: WriteContext, plan: SchoolMajorPlan, reason: string): Promise<Written> {
  const at = ctx.now.toISOString();
  // BATCH rows at a time, with their audit events: no list of every row's event is ever built.
  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    const rows = batch.map((c) => ({
      id: newId(),
      schoolId: c.schoolId,
      majorId: c.majorId,
      level: c.level,
      startingPoint: c.startingPoint,
      years: c.years,
      status: c.status,
      createdAt: at,
      updatedAt: at,
    }));
    await insertJson(ctx.tx, "SchoolMajor", MAJOR_COLUMNS, rows);
    await ctx.auditMany(
      rows.map((m, j) => ({
        action: "schoolMajor.create",
        entityType: "SchoolMajor",
        entityId: m.id,
        authorityId: batch[j].authorityId,
        after: { schoolId: m.schoolId, majorId: m.majorId, level: m.level, startingPoint: m.startingPoint, years: m.years, status: m.status },
        reason,
      })),
    );
  }
  for (let i = 0; i < plan.updates.length; i += BATCH) await updateMajors(ctx, plan.updates.slice(i, i + BATCH), reason);
  return {
    created: plan.creates.slice(0, LINKS).map((c) => ({ id: c.schoolId, name: c.name })),
    updated: plan.updates.slice(0, LINKS).map((u) => ({ id: u.schoolId, name: u.name })),
  };
}

const UPDATE_MAJORS = `UPDATE "SchoolMajor" AS m SET "years" = COALESCE(r."years", m."years"), "status" = COALESCE(r."status", m."status"), "updatedAt" = $2::timestamp(3)
  FROM jsonb_to_recordset($1::jsonb) AS r("id" text, "years" integer, "status" "SchoolMajorStatus") WHERE m."id" = r."id"`;

/** Up to BATCH changed majors in one UPDATE … FROM jsonb_to_recordset (null: unchanged), and their events. */
async function updateMajors(ctx: WriteContext, updates: MajorUpdatePlan[], reason: string) {
  const changes = updates.map((u) => ({ id: u.id, years: u.data.years ?? null, status: u.data.status ?? null }));
  await ctx.tx.$executeRawUnsafe(UPDATE_MAJORS, JSON.stringify(changes), ctx.now.toISOString());
  const events = [];
  for (const u of updates) {
    // As lib/school-majors/mutations.ts records them: a status change is "schoolMajor.status";
    // a change of length is "schoolMajor.update". Every event names the school and the major.
    const ids = { schoolId: u.schoolId, majorId: u.majorId };
    const base = { entityType: "SchoolMajor", entityId: u.id, authorityId: u.authorityId, reason };
    if ("status" in u.after)
      events.push({ ...base, action: "schoolMajor.status", before: { ...ids, status: u.before.status }, after: { ...ids, status: u.after.status } });
    if ("years" in u.after)
      events.push({ ...base, action: "schoolMajor.update", before: { ...ids, years: u.before.years }, after: { ...ids, years: u.after.years } });
  }
  await ctx.auditMany(events);
}
