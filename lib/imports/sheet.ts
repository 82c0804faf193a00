import type ExcelJS from "exceljs";
import { MAX_ROWS } from "./limits";
import type { ColumnDef } from "./columns";

/**
 * The data sheet shared by the template and the export: the Chinese headers in bold on a frozen
 * first row, column widths, a drop-down list on every enum column, and text format on code
 * columns (so Excel does not turn 440100 into a number or drop a credit code's leading zeros).
 */
const TEXT_FIELDS = new Set(["uscc", "divisionCode", "id", "publicCode", "schoolId", "schoolUscc", "majorCode", "contactPhone", "approvalDocNo"]);

export function addDataSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: ColumnDef[],
  opts: { authorityLabels?: string[]; requiredNote?: string; rows?: number } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width, style: TEXT_FIELDS.has(c.field) ? { numFmt: "@" } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  header.height = 20;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFDE68A" : c.readOnly ? "FFE5E7EB" : "FFF1F5F9" } };
    if (c.required && opts.requiredNote) cell.note = opts.requiredNote;
  });
  // The drop-downs reach as far as a file of this kind may go (the export: a school file).
  const last = (opts.rows ?? MAX_ROWS) + 1;
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    const list = c.labels ? Object.values(c.labels) : c.field === "authorityId" ? opts.authorityLabels : undefined;
    // A list formula is limited to 255 characters; longer lists are left to the 说明 sheet.
    if (!list?.length || list.join(",").length > 250) return;
    // exceljs supports range validations (worksheet.dataValidations) but its typings omit them.
    (ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations.add(`${letter}2:${letter}${last}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [`"${list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
    });
  });
  return ws;
}
