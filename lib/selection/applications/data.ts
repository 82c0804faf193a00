import "server-only";
import { db } from "@/lib/db/client";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { ON_REGISTER } from "@/lib/schools/rules";

const listSelect = {
  id: true,
  status: true,
  provinceRank: true,
  version: true,
  submittedAt: true,
  authorityId: true,
  schoolId: true,
  school: { select: { nameZh: true, nameEn: true, tier: true } },
  schoolMajor: { select: { level: true, major: { select: { nameZh: true, nameEn: true, code: true } } } },
  authority: { select: { nameZh: true, nameEn: true } },
  _count: { select: { assignments: { where: { status: { not: "WITHDRAWN" as const } } } } },
} as const;

/** A batch's applications within the caller's scope (one authority, or all for the ministry). */
export async function listApplications(batchId: string, scope: AuthorityScope) {
  return db().selectionApplication.findMany({
    where: { batchId, ...inScope(scope) },
    orderBy: [{ authorityId: "asc" }, { provinceRank: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: listSelect,
  });
}
export type ApplicationListRow = Awaited<ReturnType<typeof listApplications>>[number];

/** One application inside the scope, or null (another authority's looks exactly like a missing one). */
export async function getApplication(id: string, scope: AuthorityScope) {
  const app = await db().selectionApplication.findUnique({
    where: { id },
    select: {
      ...listSelect,
      batchId: true,
      selfAssessment: true,
      evidenceText: true,
      evidenceLinks: true,
      recommendedAt: true,
      designationId: true,
      attachments: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true, createdAt: true } },
    },
  });
  if (!app || (scope.authorityId && app.authorityId !== scope.authorityId)) return null;
  return app;
}

/** The schools an authority may apply for (on the register), for the new-application form. */
export async function schoolsOfAuthority(authorityId: string) {
  return db().school.findMany({
    where: { authorityId, status: { in: ON_REGISTER } },
    orderBy: [{ tier: "asc" }, { nameZh: "asc" }],
    select: { id: true, nameZh: true, tier: true, status: true },
  });
}

export async function majorsOfSchool(schoolId: string, authorityId: string) {
  return db().schoolMajor.findMany({
    where: { schoolId, school: { authorityId }, status: { in: ["FILED", "ENROLLING"] } },
    orderBy: [{ major: { code: "asc" } }, { level: "asc" }],
    select: { id: true, level: true, startingPoint: true, major: { select: { code: true, nameZh: true, nameEn: true } } },
  });
}

/**
 * Schools of an authority already holding an active quality designation of a kind, and schools
 * already applied for in a batch — shown as hints on the new-application form (the server still
 * decides eligibility).
 */
export async function applicationHints(authorityId: string, batchId: string, kind: "QUALITY_SCHOOL" | "QUALITY_MAJOR") {
  const [designated, applied] = await Promise.all([
    kind === "QUALITY_SCHOOL"
      ? db().designation.findMany({ where: { kind, status: { in: ["ACTIVE", "ACCEPTED"] }, school: { authorityId } }, select: { schoolId: true } })
      : Promise.resolve([]),
    db().selectionApplication.findMany({ where: { batchId, authorityId, status: { not: "WITHDRAWN" } }, select: { schoolId: true, schoolMajorId: true } }),
  ]);
  return { designated: new Set(designated.map((d) => d.schoolId)), applied: new Set(applied.map((a) => a.schoolMajorId ?? a.schoolId)) };
}
