import "server-only";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { db, type Prisma } from "@/lib/db/client";
import { fieldMask } from "@/lib/kernel/field-mask";
import { PUBLIC_CHANGE_FIELDS } from "@/lib/public/fields";
import { ON_REGISTER } from "@/lib/schools/rules";

/** What the change pages show and the change mutations start from. */
export const changeTargetSelect = {
  id: true,
  publicCode: true,
  nameZh: true,
  nameEn: true,
  formerNames: true,
  namePinyin: true,
  nameInitials: true,
  authorityId: true,
  tier: true,
  tierSince: true,
  approvalDocNo: true,
  approvalDate: true,
  status: true,
  statusSince: true,
  successorId: true,
  version: true,
} satisfies Prisma.SchoolSelect;

export type ChangeTarget = Prisma.SchoolGetPayload<{ select: typeof changeTargetSelect }>;

/** One school in the scope, or null (another authority's school is "not found"). */
export async function getChangeTarget(scope: AuthorityScope, id: string): Promise<ChangeTarget | null> {
  return db().school.findFirst({
    where: { id, ...inScope(scope) },
    select: changeTargetSelect,
  });
}

/** Schools of the same authority still on the register that `schoolId` could merge into. */
export async function listSuccessorCandidates(authorityId: string, schoolId: string) {
  return db().school.findMany({
    where: { authorityId, id: { not: schoolId }, status: { in: ON_REGISTER } },
    orderBy: [{ namePinyin: "asc" }, { nameZh: "asc" }],
    select: { id: true, nameZh: true, publicCode: true },
  });
}

/** The dated changes of one school, newest first (caller has checked the scope). */
export async function listSchoolChanges(schoolId: string, kinds?: Prisma.SchoolChangeWhereInput["kind"]) {
  return db().schoolChange.findMany({
    where: { schoolId, ...(kinds ? { kind: kinds } : {}) },
    orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }],
    // The console shows what the public sees, and the reason and note recorded with it.
    select: {
      ...fieldMask(PUBLIC_CHANGE_FIELDS),
      reasonCode: true,
      note: true,
      relatedSchool: { select: { id: true, nameZh: true, publicCode: true } },
      createdAt: true,
    },
  });
}

export type SchoolChangeRow = Awaited<ReturnType<typeof listSchoolChanges>>[number];

const linkSelect = { id: true, publicCode: true, nameZh: true, nameEn: true, status: true, authorityId: true } as const;

/**
 * Lineage of a school: its former names (with the dated renames), the schools merged into it,
 * and the school it was merged into. Public facts only — safe for the public school page.
 */
export async function getLineage(schoolId: string) {
  const school = await db().school.findUnique({
    where: { id: schoolId },
    select: {
      ...linkSelect,
      formerNames: true,
      successor: { select: linkSelect },
      predecessors: { select: { ...linkSelect, statusSince: true }, orderBy: { nameZh: "asc" } },
      changes: {
        where: { kind: { in: ["RENAME", "MERGE"] } },
        orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
        select: {
          kind: true,
          effectiveDate: true,
          fromName: true,
          toName: true,
          fromStatus: true,
          relatedSchool: { select: linkSelect },
        },
      },
    },
  });
  if (!school) return null;
  const renames = school.changes.filter((c) => c.kind === "RENAME").map((c) => ({ effectiveDate: c.effectiveDate, fromName: c.fromName, toName: c.toName }));
  // A merge is recorded on both schools: fromStatus is set on the side that left the register.
  const mergedAway = school.changes.find((c) => c.kind === "MERGE" && c.fromStatus !== null);
  return {
    school: { id: school.id, publicCode: school.publicCode, nameZh: school.nameZh, nameEn: school.nameEn, status: school.status },
    formerNames: school.formerNames,
    renames,
    // A predecessor's statusSince is the day it was merged away.
    predecessors: school.predecessors.map(({ statusSince, ...p }) => ({ ...p, mergedOn: statusSince })),
    successor: school.successor ? { ...school.successor, mergedOn: mergedAway?.effectiveDate ?? null } : null,
  };
}

export type Lineage = NonNullable<Awaited<ReturnType<typeof getLineage>>>;
