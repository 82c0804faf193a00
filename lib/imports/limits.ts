import type { ImportKind } from "./columns";

/** Upload limits (the page states them too). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Rows of a school file. */
export const MAX_ROWS = 20_000;
/**
 * Rows of a school-major file: a province's schools offer tens of thousands of majors (about ten
 * each), and the sheet is streamed (lib/imports/xlsx-read.ts), so 50,000 rows are read in bounded
 * memory; the rows, at a few hundred bytes each, are what the dry run holds.
 */
export const MAX_MAJOR_ROWS = 50_000;
/**
 * Uncompressed size of an .xlsx's parts: the time to parse them (streamed, they no longer sit in
 * memory as strings). A full school file (MAX_ROWS rows, every text unique) unpacks to 35 MB, a
 * full school-major file (MAX_MAJOR_ROWS rows) to about 20 MB. Proved by inflating (lib/imports/zip/checked.ts), not taken from the archive's word.
 */
export const MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024;
/** Parts of an .xlsx: a workbook from Excel has a dozen or two, one with many sheets and pictures some hundreds. */
export const MAX_XLSX_ENTRIES = 1000;
/**
 * XML elements in the parts exceljs parses (a row, a cell, its value, a shared string: one each).
 * This bounds its time where bytes do not: a full school file has 1.9 million (1.1 million when its
 * texts repeat), a full school-major file about 1 million.
 */
export const MAX_XLSX_ELEMENTS = 3_000_000;
/** Rows of the header search: a title line or two above the headers is allowed. */
export const HEADER_SEARCH_ROWS = 10;
/** Rows a school sheet (or CSV) may have, counting blank ones, before it is refused without being read further. */
export const MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS + 1000;

export function maxRows(kind: ImportKind): number {
  return kind === "schools" ? MAX_ROWS : MAX_MAJOR_ROWS;
}

export function maxSheetRows(kind: ImportKind): number {
  return maxRows(kind) + HEADER_SEARCH_ROWS + 1000;
}
/** A dry run that was not confirmed within this time must be uploaded again. */
export const JOB_TTL_MS = 24 * 3600 * 1000;

/** The last moment a dry run made at `createdAt` may be confirmed (the commit refuses it after that; the inbox lists it until then). */
export const jobExpiresAt = (createdAt: Date) => new Date(createdAt.getTime() + JOB_TTL_MS);

/** The oldest creation time of a dry run that may still be confirmed at `now` (the same rule, read from the other end). */
export const oldestLiveJob = (now: Date) => new Date(now.getTime() - JOB_TTL_MS);
