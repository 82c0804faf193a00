import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import type { AuthorityScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import { Refusal } from "@/lib/errors";
import type { Actor } from "@/lib/school-changes/mutations";
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

const scoped = (scope: AuthorityScope) => (scope.authorityId ? { authorityId: scope.authorityId } : {});

export async function addSchoolMajor(actor: Actor, scope: AuthorityScope, input: AddSchoolMajorInput): Promise<ActionResult<Added>> {
  try {
    return await db().$transaction(async (tx): Promise<ActionResult<Added>> => {
      const school = await tx.school.findFirst({
        where: { id: input.schoolId, ...scoped(scope) },
        select: { id: true, authorityId: true, tier: true, status: true },
      });
      if (!school) throw new Refusal("NOT_FOUND");
      if (!ON_REGISTER.includes(school.status)) {
        return { ok: false, code: "VALIDATION", fieldErrors: { majorId: [{ key: "schoolNotOnRegister" }] } };
      }
      const major = await tx.major.findFirst({ where: { id: input.majorId, edition: { isCurrent: true } }, select: { id: true } });
      if (!major) return { ok: false, code: "VALIDATION", fieldErrors: { majorId: [{ key: "majorNotInCurrentEdition" }] } };
      const key = { schoolId: school.id, majorId: major.id, level: input.level, startingPoint: input.startingPoint };
      const existing = await tx.schoolMajor.findUnique({
        where: { schoolId_majorId_level_startingPoint: key },
        select: { id: true, status: true },
      });
      if (existing) return duplicate(existing.status);
      const warnings = levelWarnings(school.tier, input.level);
      // A level that does not fit the tier is written only once the officer has confirmed it.
      if (warnings.length && !input.confirmWarnings) {
        return { ok: false, code: "VALIDATION", fieldErrors: { confirmWarnings: [{ key: "confirmLevelWarning" }] }, detail: { warnings } };
      }
      const row = await tx.schoolMajor.create({
        data: { ...key, years: input.years, status: "FILED" },
        select: { id: true, status: true },
      });
      await recordAudit(tx, {
        actor,
        action: "schoolMajor.create",
        entityType: "SchoolMajor",
        entityId: row.id,
        authorityId: school.authorityId,
        after: { ...key, years: input.years, status: row.status },
        reason: warnings.length ? `confirmed: ${warnings.map((w) => w.key).join(", ")}` : null,
      });
      return { ok: true, data: { schoolMajorId: row.id, schoolId: school.id }, ...(warnings.length ? { warnings } : {}) };
    });
  } catch (e) {
    // Two officers adding the same major at once: the unique index decides.
    if ((e as { code?: string }).code === "P2002") return duplicate(null);
    throw e;
  }
}

function duplicate(status: string | null): ActionResult<Added> {
  return { ok: false, code: "DUPLICATE", fieldErrors: { majorId: [{ key: "majorDuplicate" }] }, detail: { status } };
}

export async function changeSchoolMajorStatus(actor: Actor, scope: AuthorityScope, input: ChangeSchoolMajorStatusInput): Promise<ActionResult<Changed>> {
  return db().$transaction(async (tx): Promise<ActionResult<Changed>> => {
    const row = await tx.schoolMajor.findFirst({
      where: { id: input.schoolMajorId, school: scoped(scope) },
      select: { id: true, status: true, schoolId: true, majorId: true, school: { select: { authorityId: true } } },
    });
    if (!row) throw new Refusal("NOT_FOUND");
    if (row.status !== input.fromStatus) throw new Refusal("STALE_VERSION", { status: row.status });
    if (!canChangeMajorStatus(row.status, input.toStatus)) {
      throw new Refusal("INVALID_TRANSITION", { from: row.status, to: input.toStatus, kind: "schoolMajor" });
    }
    // The status read is the lock: a concurrent change makes this match nothing.
    const { count } = await tx.schoolMajor.updateMany({ where: { id: row.id, status: row.status }, data: { status: input.toStatus } });
    if (count === 0) throw new Refusal("STALE_VERSION");
    const ids = { schoolId: row.schoolId, majorId: row.majorId };
    await recordAudit(tx, {
      actor,
      action: "schoolMajor.status",
      entityType: "SchoolMajor",
      entityId: row.id,
      authorityId: row.school.authorityId,
      before: { ...ids, status: row.status },
      after: { ...ids, status: input.toStatus },
      reason: input.note ?? null,
    });
    return { ok: true, data: { schoolMajorId: row.id, schoolId: row.schoolId, status: input.toStatus } };
  });
}
