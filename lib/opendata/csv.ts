/**
 * CSV for the open-data API and releases: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM
 * (so that Excel opens Chinese text correctly), and cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) prefixed with an apostrophe (OWASP "CSV injection").
 */
export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text: null/undefined empty, arrays joined with "; ", objects as JSON, dates as ISO. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(cellText).join("; ");
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * Neutralises a formula-like cell. A plain negative number ("-3", "-1.5") stays as it is: it is data,
 * not a formula, and a prefix would turn it into text.
 */
export function neutralise(s: string): string {
  if (!FORMULA_START.test(s)) return s;
  if (/^-\d+(\.\d+)?$/.test(s)) return s;
  return `'${s}`;
}

export function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return cells.map((c) => quote(neutralise(cellText(c)))).join(",");
}

/** The whole document: BOM, header row, one line per row, CRLF after each line. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [csvLine(columns.map((c) => c.header)), ...rows.map((r) => csvLine(columns.map((c) => c.value(r))))];
  return BOM + lines.map((l) => `${l}\r\n`).join("");
}
