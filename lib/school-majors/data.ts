import "server-only";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";

/** The school whose majors are shown, inside the scope; null when outside (another authority). */
export async function getMajorsSchool(scope: AuthorityScope, id: string) {
  return db().school.findFirst({
    where: { id, ...inScope(scope) },
    select: { id: true, publicCode: true, nameZh: true, authorityId: true, tier: true, status: true, statusSince: true },
  });
}

/** The majors a school offers, with catalogue names, grouped by category order. */
export async function listSchoolMajors(schoolId: string) {
  return db().schoolMajor.findMany({
    where: { schoolId },
    orderBy: [{ major: { category: { code: "asc" } } }, { major: { code: "asc" } }, { level: "asc" }, { startingPoint: "asc" }],
    select: {
      id: true,
      level: true,
      startingPoint: true,
      years: true,
      status: true,
      updatedAt: true,
      major: {
        select: {
          id: true,
          code: true,
          nameZh: true,
          nameEn: true,
          category: { select: { nameZh: true, nameEn: true } },
          edition: { select: { code: true, isCurrent: true } },
        },
      },
    },
  });
}

export type SchoolMajorRow = Awaited<ReturnType<typeof listSchoolMajors>>[number];
