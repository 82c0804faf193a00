import ExcelJS from "exceljs";
import { exportCell } from "@/lib/imports/cells";
import { schoolColumns } from "@/lib/imports/columns";
import { toCsv } from "@/lib/imports/csv";
import { addDataSheet } from "@/lib/imports/sheet";
import { dataSheetName } from "@/lib/imports/template";

/**
 * A school list as a file in the import format: the same columns, headers and labels, so that an
 * exported file re-imports with no changes. Text cells that a spreadsheet would run as a formula
 * (= + - @) get a leading ' (the import removes it again).
 */
export type ExportRecord = Record<string, unknown> & { authority: { shortZh: string } };

export function exportRow(s: ExportRecord): (string | number | null)[] {
  return schoolColumns.map((c) => {
    const raw = c.field === "authorityId" ? s.authority.shortZh : s[c.field];
    const v = exportCell(c, raw);
    return v instanceof Date ? v.toISOString().slice(0, 10) : v;
  });
}

export async function schoolsXlsx(rows: ExportRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jigong-registry";
  const ws = addDataSheet(wb, dataSheetName("schools"), schoolColumns);
  for (const r of rows) ws.addRow(exportRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** UTF-8 with a BOM, CRLF line ends: what Excel needs to show Chinese from a CSV. */
export function schoolsCsv(rows: ExportRecord[]): Buffer {
  const text = toCsv([schoolColumns.map((c) => c.header), ...rows.map((r) => exportRow(r).map((v) => (v === null ? "" : String(v))))]);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
