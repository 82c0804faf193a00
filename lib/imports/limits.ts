/** Upload limits (the page states them too). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/** Uncompressed size of an .xlsx's parts: beyond this, reading it would need too much memory. */
export const MAX_XLSX_UNCOMPRESSED = 120 * 1024 * 1024;
/** Rows of the header search: a title line or two above the headers is allowed. */
export const HEADER_SEARCH_ROWS = 10;
/** A dry run that was not confirmed within this time must be uploaded again. */
export const JOB_TTL_MS = 24 * 3600 * 1000;
