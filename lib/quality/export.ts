import "server-only";
import ExcelJS from "exceljs";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { Refusal, httpStatus } from "@/lib/errors";
import { clock, shanghaiToday } from "@/lib/kernel/dates";
import { neutraliseFormula } from "@/lib/imports/cells";
import { contentDisposition } from "@/lib/exports/filename";
import { qualityCounts } from "./data";
import { measureLabel, type MeasureMeta } from "./labels";

type Translate = (key: string, params?: Record<string, string | number>) => string;
type Counts = Awaited<ReturnType<typeof qualityCounts>>;

/** The page's table as a sheet: one row per authority, one column per measure, then the national total. */
export async function qualityXlsx(data: Counts, t: Translate, localName: (n: { nameZh: string; nameEn?: string | null }) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jigong-registry";
  const ws = wb.addWorksheet(t("quality.sheet"));
  const text = (s: string) => neutraliseFormula(s);
  ws.addRow([t("quality.authority"), t("quality.total"), ...data.measures.map((m: MeasureMeta) => text(measureLabel(t, m)))]).font = { bold: true };
  for (const r of data.rows) ws.addRow([text(localName(r)), r.total, ...data.measures.map((m) => r.counts[m.key])]);
  if (data.rows.length > 1) {
    const sum = (f: (r: Counts["rows"][number]) => number) => data.rows.reduce((n, r) => n + f(r), 0);
    ws.addRow([t("quality.national"), sum((r) => r.total), ...data.measures.map((m) => sum((r) => r.counts[m.key]))]).font = { bold: true };
  }
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /console/quality/export?authority=: the page's numbers in the caller's scope (an officer naming another authority: 403). */
export async function exportQualityRoute(
  request: Request,
  t: Translate,
  localName: (n: { nameZh: string; nameEn?: string | null }) => string,
): Promise<Response> {
  try {
    const user = await authorize("GET /console/quality/export");
    const scope = getAuthorityScope(user, new URL(request.url).searchParams.get("authority"));
    const data = await qualityCounts(scope, clock.now());
    const date = shanghaiToday();
    const body = await qualityXlsx(data, t, localName);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDisposition(
          `数据质量-${scope.authorityId ?? "全国"}-${date}.xlsx`,
          `data-quality-${scope.authorityId ?? "all"}-${date}.xlsx`,
        ),
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof Refusal) return Response.json({ ok: false, code: e.code }, { status: httpStatus[e.code] });
    throw e;
  }
}
