import ExcelJS from "exceljs";
import { parseCsv } from "./csv";
import { cellPrimitive, isoDate, type Primitive } from "./cells";
import { knownHeaders, mapHeaders, missingColumns, normaliseHeader, type ImportKind } from "./columns";
import { decodeText, type DetectedEncoding, type EncodingChoice } from "./encoding";
import { HEADER_SEARCH_ROWS, MAX_ROWS, MAX_SHEET_ROWS, MAX_UPLOAD_BYTES, MAX_XLSX_ELEMENTS, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED } from "./limits";
import { hasNul } from "@/lib/validation/text";
import { sniff } from "./sniff";
import { xlsxTally } from "./xlsx-tally";
import { checkedArchive } from "./zip/checked";

/**
 * Reads an upload into rows keyed by field. Whether it is .xlsx or CSV is decided from its bytes,
 * never from its name. Refusals carry an `imports.read.*` message key.
 */
export type CellValue = string | number | boolean | null;
export type ParsedRow = { row: number; values: Record<string, CellValue> };
export type ReadErrorKey =
  | "empty"
  | "tooLarge"
  | "unpackedTooLarge"
  | "damagedArchive"
  | "xls"
  | "notSpreadsheet"
  | "invalidEncoding"
  | "noHeader"
  | "missingColumns"
  | "duplicateColumns"
  | "noRows"
  | "tooManyRows";
export type ReadError = { key: ReadErrorKey; params?: Record<string, string | number> };
export type ReadResult =
  | { ok: true; format: "xlsx" | "csv"; encoding: DetectedEncoding | null; fields: string[]; unknownHeaders: string[]; rows: ParsedRow[] }
  | { ok: false; error: ReadError };

type GridRow = { row: number; cells: Primitive[] };

export async function readUpload(bytes: Uint8Array, kind: ImportKind, encoding: EncodingChoice = "auto"): Promise<ReadResult> {
  if (bytes.length > MAX_UPLOAD_BYTES) return fail("tooLarge", { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  const type = sniff(bytes);
  if (type === "empty") return fail("empty");
  if (type === "xls") return fail("xls");
  if (type === "binary") return fail("notSpreadsheet");
  if (type === "xlsx") return readXlsx(bytes, kind);
  const decoded = decodeText(bytes, encoding, knownHeaders(kind));
  if (decoded.invalid) return fail("invalidEncoding");
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return fail("empty");
  // NUL past the sniffed first 8 KiB: not text (and PostgreSQL could not store it).
  if (hasNul(text)) return fail("notSpreadsheet");
  const records = parseCsv(text, undefined, MAX_SHEET_ROWS);
  if (records.length > MAX_SHEET_ROWS) return fail("tooManyRows", { max: MAX_ROWS });
  const grid = records.map((r) => ({ row: r.line, cells: r.cells as Primitive[] }));
  return fromGrid(kind, grid, "csv", decoded.encoding);
}

async function readXlsx(bytes: Uint8Array, kind: ImportKind): Promise<ReadResult> {
  // Proved entry by entry with a cap on the bytes inflated, and its rows and elements counted, before exceljs unpacks anything.
  const tally = xlsxTally({ maxRowsPerSheet: MAX_SHEET_ROWS, maxElements: MAX_XLSX_ELEMENTS });
  const checked = await checkedArchive(bytes, { maxEntries: MAX_XLSX_ENTRIES, maxUnpackedBytes: MAX_XLSX_UNCOMPRESSED, watch: tally.watch });
  if (!checked.ok) {
    const key = checked.key === "stopped" ? tally.refusal() : checked.key;
    if (key === "tooManyRows") return fail("tooManyRows", { max: MAX_ROWS });
    if (key === "tooManyElements" || key === "unpackedTooLarge") return fail("unpackedTooLarge", { maxMb: MAX_XLSX_UNCOMPRESSED / 1024 / 1024 });
    return fail(key ?? "damagedArchive");
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(checked.archive as unknown as ArrayBuffer);
  } catch {
    return fail("notSpreadsheet");
  }
  if (wb.worksheets.length === 0) return fail("notSpreadsheet");
  let first: ReadResult | null = null;
  // The data sheet is the first one with recognisable headers (the template's 说明 sheet has none).
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_SHEET_ROWS) return fail("tooManyRows", { max: MAX_ROWS });
    const grid: GridRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as unknown[];
      grid.push({ row: rowNumber, cells: values.slice(1).map((v) => toStorable(cellPrimitive(v))) });
    });
    if (grid.some((g) => g.cells.some((c) => typeof c === "string" && hasNul(c)))) return fail("notSpreadsheet");
    const result = fromGrid(kind, grid, "xlsx", null);
    if (result.ok || result.error.key !== "noHeader") return result;
    first ??= result;
  }
  return first ?? fail("noHeader");
}

function toStorable(v: Primitive): Primitive {
  return v instanceof Date ? isoDate(v) : v;
}

function isBlank(cells: Primitive[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}

function fromGrid(kind: ImportKind, grid: GridRow[], format: "xlsx" | "csv", encoding: DetectedEncoding | null): ReadResult {
  const known = new Set(knownHeaders(kind).map(normaliseHeader));
  let headerAt = -1;
  let bestHits = 0;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const hits = grid[i].cells.filter((c) => typeof c === "string" && known.has(normaliseHeader(c))).length;
    if (hits > bestHits) {
      bestHits = hits;
      headerAt = i;
    }
  }
  if (headerAt < 0) return fail("noHeader", { columns: missingColumns(kind, new Set()).join("、") });
  const map = mapHeaders(
    kind,
    grid[headerAt].cells.map((c) => (c === null ? "" : String(c))),
  );
  const missing = missingColumns(kind, map.present);
  if (missing.length) return fail("missingColumns", { columns: missing.join("、"), count: missing.length });
  if (map.duplicated.length) return fail("duplicateColumns", { columns: map.duplicated.join("、") });
  const rows: ParsedRow[] = [];
  for (const g of grid.slice(headerAt + 1)) {
    if (isBlank(g.cells)) continue;
    if (rows.length >= MAX_ROWS) return fail("tooManyRows", { max: MAX_ROWS });
    const values: Record<string, CellValue> = {};
    map.byIndex.forEach((col, i) => {
      if (!col) return;
      const v = g.cells[i];
      values[col.field] = v === undefined ? null : (v as CellValue);
    });
    rows.push({ row: g.row, values });
  }
  if (rows.length === 0) return fail("noRows");
  return { ok: true, format, encoding, fields: [...map.present], unknownHeaders: map.unknown, rows };
}

function fail(key: ReadErrorKey, params?: Record<string, string | number>): ReadResult {
  return { ok: false, error: { key, params } };
}
