import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { hasNul } from "@/lib/validation/text";
import { cellPrimitive, isoDate, type Primitive } from "./cells";
import type { ImportKind } from "./columns";
import { gridReader, type GridResult } from "./grid";
import { maxRows, maxSheetRows } from "./limits";
import { XlsxStreamReader } from "./xlsx-stream-reader";
import type { ReadError } from "./read";

/**
 * The sheets of a checked .xlsx (lib/imports/zip/checked.ts), streamed: exceljs's WorkbookReader
 * parses one row at a time and each row goes straight into the grid reader, so neither the
 * workbook's objects nor a sheet's grid is ever held (the 10,000-row file that made exceljs's
 * loader peak at 760 MB). Shared strings are cached (one string each) and styles too (a date is
 * known by its number format). The archive lists the workbook, its relations, styles and shared
 * strings before the sheets (READ_FIRST), so exceljs never parks a sheet in a temporary file.
 *
 * The answer is the loader's: the data sheet is the first sheet, in the workbook's order, with
 * recognisable headers (the template's 说明 sheet has none); a sheet past the row limit, or with a
 * NUL in a cell, is refused as the loader refused it.
 */
export const READ_FIRST = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];

type SheetAnswer = GridResult | { ok: false; error: ReadError };

export async function readXlsxSheets(archive: Buffer, kind: ImportKind): Promise<SheetAnswer | "notSpreadsheet"> {
  const reader = new XlsxStreamReader(Readable.from([archive]));
  // Answers by the sheet's position in the workbook; once one decides, later sheets are not read.
  const answers = new Map<number, SheetAnswer>();
  let decidedAt = Infinity;
  let sheets = 0;
  try {
    for await (const ws of reader) {
      sheets++;
      const order = reader.model?.sheets?.findIndex((s) => s.id === Number(ws.id)) ?? -1;
      const position = order < 0 ? 10_000 + sheets : order;
      if (position > decidedAt) continue;
      const answer = await readSheet(ws, kind);
      answers.set(position, answer);
      if (answer.ok || answer.error.key !== "noHeader") decidedAt = Math.min(decidedAt, position);
    }
  } catch {
    return "notSpreadsheet";
  }
  if (sheets === 0) return "notSpreadsheet";
  const inOrder = [...answers.entries()].sort((a, b) => a[0] - b[0]).map(([, a]) => a);
  return inOrder.find((a) => a.ok || a.error.key !== "noHeader") ?? inOrder[0];
}

async function readSheet(ws: ExcelJS.stream.xlsx.WorksheetReader, kind: ImportKind): Promise<SheetAnswer> {
  const grid = gridReader(kind);
  let nul = false;
  for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
    // As the loader did: a sheet whose last row number is past the limit is refused before anything else,
    if (row.number > maxSheetRows(kind)) return { ok: false, error: { key: "tooManyRows", params: { max: maxRows(kind) } } };
    if (nul || !row.hasValues) continue;
    const cells = (row.values as unknown[]).slice(1).map((v) => storable(cellPrimitive(v)));
    // and a NUL in any cell (PostgreSQL could not store it) makes it no spreadsheet, whatever else is wrong.
    if (cells.some((c) => typeof c === "string" && hasNul(c))) nul = true;
    else grid.push({ row: row.number, cells });
  }
  return nul ? { ok: false, error: { key: "notSpreadsheet" } } : grid.finish();
}

/** Dates as YYYY-MM-DD: what the rows keep is JSON. */
function storable(v: Primitive): Primitive {
  return v instanceof Date ? isoDate(v) : v;
}
