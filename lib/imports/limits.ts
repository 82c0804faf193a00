/** Upload limits (the page states them too). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/**
 * Uncompressed size of an .xlsx's parts: exceljs holds each part as one string, so beyond this
 * reading it would need too much memory. A full school file (MAX_ROWS rows, every text unique)
 * unpacks to 35 MB. Proved by inflating (lib/imports/zip/checked.ts), not taken from the archive's word.
 */
export const MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024;
/** Parts of an .xlsx: a workbook from Excel has a dozen or two, one with many sheets and pictures some hundreds. */
export const MAX_XLSX_ENTRIES = 1000;
/**
 * XML elements in the parts exceljs parses (a row, a cell, its value, a shared string: one each).
 * exceljs builds an object for most of them, so this bounds its memory and time where bytes do not:
 * a full school file has 1.9 million (1.1 million when its texts repeat).
 */
export const MAX_XLSX_ELEMENTS = 3_000_000;
/** Rows of the header search: a title line or two above the headers is allowed. */
export const HEADER_SEARCH_ROWS = 10;
/** Rows a sheet (or CSV) may have, counting blank ones, before it is refused without being read further. */
export const MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS + 1000;
/** A dry run that was not confirmed within this time must be uploaded again. */
export const JOB_TTL_MS = 24 * 3600 * 1000;
