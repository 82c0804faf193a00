import "server-only";
import ExcelJS from "exceljs";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { Refusal, httpStatus } from "@/lib/errors";
import { formatShanghai } from "@/lib/kernel/dates";
import { neutraliseFormula } from "@/lib/imports/cells";
import { contentDisposition } from "@/lib/exports/filename";
import { campaignReport, latestCampaign } from "./data";

type Translate = (key: string) => string;
type LocalName = (n: { nameZh: string; nameEn?: string | null }) => string;

/** The closing report: one row per record on the register — province, code, name, confirmed at, by whom. */
export async function campaignXlsx(rows: Awaited<ReturnType<typeof campaignReport>>, t: Translate, localName: LocalName): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jigong-registry";
  const ws = wb.addWorksheet(t("campaigns.report.sheet"));
  const text = (s: string) => neutraliseFormula(s);
  ws.addRow(["authority", "code", "name", "confirmedAt", "confirmedBy"].map((k) => t(`campaigns.report.${k}`))).font = { bold: true };
  for (const r of rows)
    ws.addRow([text(localName(r.authority)), r.publicCode, text(r.nameZh), r.confirmedAt ? formatShanghai(r.confirmedAt) : "", text(r.confirmedBy)]);
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /console/campaign/report: the latest campaign's report in the caller's scope (the ministry: all provinces). */
export async function campaignReportRoute(t: Translate, localName: LocalName): Promise<Response> {
  try {
    const user = await authorize("GET /console/campaign/report");
    const scope = getAuthorityScope(user);
    const campaign = await latestCampaign();
    if (!campaign) return Response.json({ ok: false, code: "NOT_FOUND" }, { status: 404 });
    const body = await campaignXlsx(await campaignReport(scope, campaign), t, localName);
    const who = scope.authorityId ?? "all";
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDisposition(`年度核验-${campaign.year}-${scope.authorityId ?? "全国"}.xlsx`, `confirmation-${campaign.year}-${who}.xlsx`),
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof Refusal) return Response.json({ ok: false, code: e.code }, { status: httpStatus[e.code] });
    throw e;
  }
}
