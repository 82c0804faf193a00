import { parseCsv } from "./csv";
import type { Primitive } from "./cells";
import { knownHeaders, type ImportKind } from "./columns";
import { decodeText, type DetectedEncoding, type EncodingChoice } from "./encoding";
import { gridReader, type GridRow } from "./grid";
import { MAX_UPLOAD_BYTES, MAX_XLSX_ELEMENTS, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED, maxRows, maxSheetRows } from "./limits";
import { hasNul } from "@/lib/validation/text";
import { sniff } from "./sniff";
import { readXlsxSheets, READ_FIRST } from "./xlsx-read";
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
  const records = parseCsv(text, undefined, maxSheetRows(kind));
  if (records.length > maxSheetRows(kind)) return fail("tooManyRows", { max: maxRows(kind) });
  const grid = records.map((r) => ({ row: r.line, cells: r.cells as Primitive[] }));
  return fromGrid(kind, grid, "csv", decoded.encoding);
}

async function readXlsx(bytes: Uint8Array, kind: ImportKind): Promise<ReadResult> {
  // Proved entry by entry with a cap on the bytes inflated, and its rows and elements counted, before exceljs unpacks anything.
  const tally = xlsxTally({ maxRowsPerSheet: maxSheetRows(kind), maxElements: MAX_XLSX_ELEMENTS });
  const checked = await checkedArchive(bytes, {
    maxEntries: MAX_XLSX_ENTRIES,
    maxUnpackedBytes: MAX_XLSX_UNCOMPRESSED,
    watch: tally.watch,
    first: READ_FIRST,
  });
  if (!checked.ok) {
    const key = checked.key === "stopped" ? tally.refusal() : checked.key;
    if (key === "tooManyRows") return fail("tooManyRows", { max: maxRows(kind) });
    if (key === "tooManyElements" || key === "unpackedTooLarge") return fail("unpackedTooLarge", { maxMb: MAX_XLSX_UNCOMPRESSED / 1024 / 1024 });
    return fail(key ?? "damagedArchive");
  }
  const answer = await readXlsxSheets(checked.archive, kind);
  if (answer === "notSpreadsheet") return fail("notSpreadsheet");
  return answer.ok ? { ...answer, format: "xlsx", encoding: null } : answer;
}

function fromGrid(kind: ImportKind, grid: GridRow[], format: "xlsx" | "csv", encoding: DetectedEncoding | null): ReadResult {
  const reader = gridReader(kind);
  for (const g of grid) reader.push(g);
  const answer = reader.finish();
  return answer.ok ? { ...answer, format, encoding } : answer;
}

function fail(key: ReadErrorKey, params?: Record<string, string | number>): ReadResult {
  return { ok: false, error: { key, params } };
}
