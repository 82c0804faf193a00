import "server-only";
import { inScope, type AuthorityScope } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import type { ErrorReportStatus } from "@/lib/kernel/enums";
import { resolvePublicSchoolId } from "@/lib/public/record/data";

const schoolName = { select: { id: true, nameZh: true, nameEn: true } } as const;

/** The school a report form is about (its id or public code), by its public name only. */
export async function reportableSchool(idOrCode: string) {
  const id = await resolvePublicSchoolId(idOrCode);
  return id ? db().school.findUnique({ where: { id }, select: { id: true, publicCode: true, nameZh: true, nameEn: true } }) : null;
}

/** The console list: within the scope, open reports first (oldest first: the longest waiting). */
export async function errorReportsOf(scope: AuthorityScope, status: ErrorReportStatus | null, take = 200) {
  return db().errorReport.findMany({
    where: { ...inScope(scope), ...(status ? { status } : {}) },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      code: true,
      field: true,
      problem: true,
      proposed: true,
      contact: true,
      status: true,
      resolution: true,
      createdAt: true,
      resolvedAt: true,
      school: schoolName,
    },
  });
}

/** One open report within the scope (the edit form it is corrected in shows it), or null. */
export async function openErrorReport(scope: AuthorityScope, id: string) {
  return db().errorReport.findFirst({
    where: { id, status: "OPEN", ...inScope(scope) },
    select: { id: true, code: true, field: true, problem: true, proposed: true, schoolId: true },
  });
}

/** The inbox item: open reports within the scope, a count and the oldest first. */
export async function openErrorReports(scope: AuthorityScope, take: number) {
  const where = { ...inScope(scope), status: "OPEN" as const };
  const [count, rows] = await Promise.all([
    db().errorReport.count({ where }),
    db().errorReport.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, code: true, createdAt: true, school: schoolName },
    }),
  ]);
  return { count, rows };
}

/** What the reporter sees by the code: the outcome only — nothing they typed. */
export async function reportOutcome(code: string) {
  return db().errorReport.findUnique({
    where: { code },
    select: {
      code: true,
      status: true,
      createdAt: true,
      resolvedAt: true,
      resolution: true,
      school: { select: { publicCode: true, nameZh: true, nameEn: true } },
    },
  });
}
