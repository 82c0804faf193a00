import "server-only";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { Refusal, httpStatus } from "@/lib/errors";
import { parseSchoolListFilters } from "@/lib/schools/list-filters";
import { authorityName, listSchoolsForExport } from "./data";
import { shanghaiToday } from "@/lib/kernel/dates";
import { contentDisposition } from "./filename";
import { schoolsCsv, schoolsXlsx } from "./schools";

/**
 * GET /console/schools/export?format=xlsx|csv&<list filters>: every school the list would show
 * with these filters (all pages). A province officer exports their own authority only: naming
 * another one in the filter is refused (403), like the list itself.
 */
const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export async function exportSchoolsRoute(request: Request): Promise<Response> {
  try {
    const user = await authorize("GET /console/schools/export");
    const params = new URL(request.url).searchParams;
    const format = params.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new Refusal("VALIDATION");
    const { filters } = parseSchoolListFilters(params);
    // An officer naming another authority is refused even if the value was otherwise invalid.
    const scope = getAuthorityScope(user, params.get("authority") || filters.authority);
    const rows = await listSchoolsForExport(scope, filters);
    const place = scope.authorityId ? ((await authorityName(scope.authorityId)) ?? scope.authorityId) : "全国";
    const date = shanghaiToday();
    const body = format === "xlsx" ? await schoolsXlsx(rows) : schoolsCsv(rows);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": contentDisposition(`院校名录-${place}-${date}.${format}`, `school-registry-${scope.authorityId ?? "all"}-${date}.${format}`),
        "Cache-Control": "no-store",
        "X-Row-Count": String(rows.length),
      },
    });
  } catch (e) {
    if (e instanceof Refusal) return Response.json({ ok: false, code: e.code }, { status: httpStatus[e.code] });
    throw e;
  }
}
