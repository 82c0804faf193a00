import "server-only";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { ErrorReportStatus } from "@/lib/kernel/enums";
import { errorReportsOf, openErrorReport, reportableSchool, reportOutcome } from "./data";
import { reportCodeSchema } from "./schema";

/** The public report form of a school (its id or public code); null when there is none. */
export async function loadErrorReportForm(idOrCode: string) {
  return reportableSchool(idOrCode);
}

/** The reporter's page: the outcome of the report with this code (status and resolution only). */
export async function loadErrorReportStatus(rawCode: string | undefined) {
  if (!rawCode) return { code: null, badCode: false, report: null };
  const parsed = reportCodeSchema.safeParse(rawCode);
  if (!parsed.success) return { code: null, badCode: true, report: null };
  return { code: parsed.data, badCode: false, report: await reportOutcome(parsed.data) };
}

/** The console list of the caller's authority (the ministry: all), optionally one status. */
export async function loadErrorReports(rawStatus?: string) {
  const user = await requirePolicy("loadErrorReports");
  const status = Object.values(ErrorReportStatus).find((s) => s === rawStatus) ?? null;
  const rows = await errorReportsOf(requireAuthorityScope(user), status);
  return { rows, status, canDecline: may(user, "declineErrorReportAction") };
}

/** The open report an edit corrects (/console/schools/[id]/edit?report=), within the scope; null otherwise. */
export async function loadErrorReport(id: string, schoolId: string) {
  const user = await requirePolicy("loadErrorReport");
  const report = await openErrorReport(requireAuthorityScope(user), id);
  return report && report.schoolId === schoolId ? report : null;
}
