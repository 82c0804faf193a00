import ExcelJS from "exceljs";
import { columnsFor, type ImportKind } from "./columns";
import { MAX_UPLOAD_BYTES, maxRows } from "./limits";
import { addDataSheet } from "./sheet";

/**
 * The downloadable template (.xlsx): the data sheet (headers only, so that no example row is
 * imported by mistake), a 说明 sheet explaining every column, and a 代码表 sheet with the
 * registering authorities and the prefecture codes the importer may use.
 * `t` translates keys of the `imports` namespace (the explanations follow the reader's language).
 */
type Translate = (key: string, params?: Record<string, string | number>) => string;

export type TemplateRefs = {
  authorities: { id: string; shortZh: string; nameZh: string }[];
  divisions: { code: string; nameZh: string; authorityShort: string }[];
};

export function dataSheetName(kind: ImportKind): string {
  return kind === "schools" ? "院校" : "院校专业";
}

export async function buildTemplate(kind: ImportKind, t: Translate, refs: TemplateRefs): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jigong-registry";
  const columns = columnsFor(kind);
  addDataSheet(wb, dataSheetName(kind), columns, {
    authorityLabels: refs.authorities.map((a) => a.shortZh),
    requiredNote: t("template.requiredNote"),
    rows: maxRows(kind),
  });

  const help = wb.addWorksheet("说明");
  help.columns = [
    { header: t("template.colHeader"), width: 22 },
    { header: t("template.colRequired"), width: 12 },
    { header: t("template.colFormat"), width: 70 },
    { header: t("template.colExample"), width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  help.views = [{ state: "frozen", ySplit: 1 }];
  for (const c of columns) {
    const values = c.labels ? `${t("template.allowed")}${Object.values(c.labels).join("、")}` : "";
    const row = help.addRow([
      c.header,
      c.required ? t("template.required") : c.readOnly ? t("template.readOnly") : t("template.optional"),
      [t(`columns.${kind}.${c.field}`), values].filter(Boolean).join(" "),
      c.example,
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  help.addRow([]);
  for (const line of ["general1", "general2", "general3", "general4"]) {
    const row = help.addRow([t(`template.${line}`, { maxRows: maxRows(kind), maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 })]);
    help.mergeCells(row.number, 1, row.number, 4);
    row.alignment = { wrapText: true };
    row.height = 32;
  }

  const codes = wb.addWorksheet("代码表");
  codes.columns = [
    { header: t("template.codeAuthority"), width: 14 },
    { header: t("template.codeAuthorityName"), width: 24 },
    { header: t("template.codeAuthorityId"), width: 14 },
    { header: "", width: 4 },
    { header: t("template.codeDivision"), width: 14 },
    { header: t("template.codeDivisionName"), width: 22 },
    { header: t("template.codeAuthority"), width: 14 },
  ];
  codes.getRow(1).font = { bold: true };
  const n = Math.max(refs.authorities.length, refs.divisions.length);
  for (let i = 0; i < n; i++) {
    const a = refs.authorities[i];
    const d = refs.divisions[i];
    codes.addRow([a?.shortZh ?? null, a?.nameZh ?? null, a?.id ?? null, null, d?.code ?? null, d?.nameZh ?? null, d?.authorityShort ?? null]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
