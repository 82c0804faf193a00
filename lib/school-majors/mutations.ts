import "server-only";
import { latestEvents } from "@/lib/audit/data";
import { inScope } from "@/lib/auth/scope";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields, refuseStale } from "@/lib/errors";
import { ON_REGISTER } from "@/lib/schools/rules";
import { canChangeMajorStatus, levelWarnings } from "./rules";
import type { AddSchoolMajorInput, ChangeSchoolMajorStatusInput } from "./schema";

/**
 * Writes of the majors a school offers. A SchoolMajor is its own row: the school's version is not
 * bumped. Audit: entityType "SchoolMajor", authorityId of the school, schoolId in every event so
 * that the school's history can show it.
 */
type Added = { schoolMajorId: string; schoolId: string };
type Changed = { schoolMajorId: string; schoolId: string; status: string };

/** The school already offers this major at this level and starting point (found first, or by the unique index in a race). */
export const MAJOR_DUPLICATE = { majorId: [{ key: "majorDuplicate" }] };

export async function addSchoolMajor(ctx: WriteContext, input: AddSchoolMajorInput): Promise<Added> {
  const school = await ctx.tx.school.findFirst({
    where: { id: input.schoolId, ...inScope(ctx.scope) },
    select: { id: true, authorityId: true, tier: true, status: true },
  });
  if (!school) refuse("NOT_FOUND");
  if (!ON_REGISTER.includes(school.status)) refuseFields({ majorId: [{ key: "schoolNotOnRegister" }] });
  const major = await ctx.tx.major.findFirst({ where: { id: input.majorId, edition: { isCurrent: true } }, select: { id: true } });
  if (!major) refuseFields({ majorId: [{ key: "majorNotInCurrentEdition" }] });
  const key = { schoolId: school.id, majorId: major.id, level: input.level, startingPoint: input.startingPoint };
  const existing = await ctx.tx.schoolMajor.findUnique({ where: { schoolId_majorId_level_startingPoint: key }, select: { status: true } });
  if (existing) refuseFields(MAJOR_DUPLICATE, "DUPLICATE", { status: existing.status });
  const warnings = levelWarnings(school.tier, input.level);
  // A level that does not fit the tier is written only once the officer has confirmed it.
  if (warnings.length && !input.confirmWarnings) refuseFields({ confirmWarnings: [{ key: "confirmLevelWarning" }] }, "VALIDATION", { warnings });
  const row = await ctx.tx.schoolMajor.create({ data: { ...key, years: input.years, status: "FILED" }, select: { id: true, status: true } });
  await ctx.audit({
    action: "schoolMajor.create",
    entityType: "SchoolMajor",
    entityId: row.id,
    authorityId: school.authorityId,
    after: { ...key, years: input.years, status: row.status },
    reason: warnings.length ? `confirmed: ${warnings.map((w) => w.key).join(", ")}` : null,
  });
  for (const w of warnings) ctx.warn(w);
  return { schoolMajorId: row.id, schoolId: school.id };
}

export async function changeSchoolMajorStatus(ctx: WriteContext, input: ChangeSchoolMajorStatusInput): Promise<Changed> {
  const row = await ctx.tx.schoolMajor.findFirst({
    where: { id: input.schoolMajorId, school: inScope(ctx.scope) },
    select: { id: true, status: true, schoolId: true, majorId: true, school: { select: { authorityId: true } } },
  });
  if (!row) refuse("NOT_FOUND");
  if (row.status !== input.fromStatus) await refuseStaleStatus(ctx, row.id, input.fromStatus, row.status);
  if (!canChangeMajorStatus(row.status, input.toStatus)) refuse("INVALID_TRANSITION", { from: row.status, to: input.toStatus, kind: "schoolMajor" });
  // The status read is the lock: a concurrent change makes this match nothing.
  const { count } = await ctx.tx.schoolMajor.updateMany({ where: { id: row.id, status: row.status }, data: { status: input.toStatus } });
  if (count === 0) await refuseStaleStatus(ctx, row.id, input.fromStatus, null);
  const ids = { schoolId: row.schoolId, majorId: row.majorId };
  await ctx.audit({
    action: "schoolMajor.status",
    entityType: "SchoolMajor",
    entityId: row.id,
    authorityId: row.school.authorityId,
    before: { ...ids, status: row.status },
    after: { ...ids, status: input.toStatus },
    reason: input.note ?? null,
  });
  return { schoolMajorId: row.id, schoolId: row.schoolId, status: input.toStatus };
}

/** The status the officer saw is not the stored one: who changed it, and to what. */
async function refuseStaleStatus(ctx: WriteContext, id: string, yours: string, theirs: string | null): Promise<never> {
  const [last] = await latestEvents(ctx.tx, "SchoolMajor", id);
  const stored = theirs ?? (await ctx.tx.schoolMajor.findUnique({ where: { id }, select: { status: true } }))?.status ?? null;
  refuseStale({
    version: null,
    changedBy: last?.actorLabel ?? null,
    changedAt: last?.at.toISOString() ?? null,
    changes: [{ field: "status", yours, theirs: stored }],
  });
}
