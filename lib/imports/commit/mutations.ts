import "server-only";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { dateOnlyOrNull } from "@/lib/kernel/dates";
import { DATE_FIELDS } from "@/lib/schools/form-schema";
import { registerSchools, writeSchoolVersions } from "@/lib/schools/writer/mutations";
import type { SchoolMajorPlan } from "../major-rows";
import type { SchoolPlan } from "../school-rows";

/**
 * The writes of a confirmed import, inside the commit's transaction. Schools go through THE
 * School writer in its batched form (lib/schools/writer/mutations.ts: registerSchools for the
 * new ones, writeSchoolVersions for the updates) — the same code the console forms use, so an
 * imported school is registered exactly like one typed in. Majors are created with
 * createManyAndReturn. Every event has source "import" and the file as its reason.
 */
const BATCH = 1000;
const LINKS = 50;

export type Written = { created: { id: string; name: string }[]; updated: { id: string; name: string }[] };

export async function writeSchoolPlan(ctx: WriteContext, plan: SchoolPlan, reason: string): Promise<Written> {
  const registered = await registerSchools(
    ctx,
    plan.creates.map((c) => c.data),
    reason,
  );
  await writeSchoolVersions(
    ctx,
    plan.updates.map((u) => ({
      school: { id: u.id, version: u.version, authorityId: u.authorityId },
      data: Object.fromEntries(Object.keys(u.after).map((f) => [f, DATE_FIELDS.has(f) ? dateOnlyOrNull(u.data[f] as string | null) : u.data[f]])),
      event: { action: "school.update", before: u.before, after: u.after, reason },
      row: u.row,
    })),
  );
  return {
    created: registered.slice(0, LINKS).map((s) => ({ id: s.id, name: s.nameZh })),
    updated: plan.updates.slice(0, LINKS).map((u) => ({ id: u.id, name: u.name })),
  };
}

export async function writeMajorPlan(ctx: WriteContext, plan: SchoolMajorPlan, reason: string): Promise<Written> {
  const created: { id: string; name: string }[] = [];
  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    const made = await ctx.tx.schoolMajor.createManyAndReturn({
      data: batch.map((c) => ({ schoolId: c.schoolId, majorId: c.majorId, level: c.level, startingPoint: c.startingPoint, years: c.years, status: c.status })),
      select: { id: true, schoolId: true, majorId: true, level: true, startingPoint: true, years: true, status: true },
    });
    const authorityOf = new Map(batch.map((c) => [c.schoolId, c.authorityId]));
    for (const c of batch) if (created.length < LINKS) created.push({ id: c.schoolId, name: c.name });
    await ctx.auditMany(
      made.map((m) => ({
        action: "schoolMajor.create",
        entityType: "SchoolMajor",
        entityId: m.id,
        authorityId: authorityOf.get(m.schoolId) ?? null,
        after: { schoolId: m.schoolId, majorId: m.majorId, level: m.level, startingPoint: m.startingPoint, years: m.years, status: m.status },
        reason,
      })),
    );
  }
  const events = [];
  for (const u of plan.updates) {
    await ctx.tx.schoolMajor.update({ where: { id: u.id }, data: u.data, select: { id: true } });
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
  return { created, updated: plan.updates.slice(0, LINKS).map((u) => ({ id: u.schoolId, name: u.name })) };
}
