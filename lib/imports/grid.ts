import type { Primitive } from "./cells";
import { knownHeaders, mapHeaders, missingColumns, normaliseHeader, type HeaderMap, type ImportKind } from "./columns";
import { HEADER_SEARCH_ROWS, maxRows } from "./limits";
import { fieldRecord } from "./record";
import type { CellValue, ParsedRow, ReadError } from "./read";

/**
 * A sheet's (or a CSV's) rows in order, one at a time, into rows keyed by field: the header is the
 * row with the most known headers among the first HEADER_SEARCH_ROWS; every non-blank row below it
 * becomes a ParsedRow with its row number. Only those first rows are held before the header is
 * known, so a streamed sheet is never held as a whole grid.
 */
export type GridRow = { row: number; cells: Primitive[] };
export type GridResult = { ok: true; fields: string[]; unknownHeaders: string[]; rows: ParsedRow[] } | { ok: false; error: ReadError };

export function gridReader(kind: ImportKind) {
  const known = new Set(knownHeaders(kind).map(normaliseHeader));
  const limit = maxRows(kind);
  const head: GridRow[] = [];
  const rows: ParsedRow[] = [];
  let map: HeaderMap | null = null;
  let failed: ReadError | null = null;

  function findHeader(): void {
    let headerAt = -1;
    let bestHits = 0;
    head.forEach((g, i) => {
      const hits = g.cells.filter((c) => typeof c === "string" && known.has(normaliseHeader(c))).length;
      if (hits > bestHits) [bestHits, headerAt] = [hits, i];
    });
    if (headerAt < 0) return void (failed = { key: "noHeader", params: { columns: missingColumns(kind, new Set()).join("、") } });
    map = mapHeaders(
      kind,
      head[headerAt].cells.map((c) => (c === null || c === undefined ? "" : String(c))),
    );
    const missing = missingColumns(kind, map.present);
    if (missing.length) failed = { key: "missingColumns", params: { columns: missing.join("、"), count: missing.length } };
    else if (map.duplicated.length) failed = { key: "duplicateColumns", params: { columns: map.duplicated.join("、") } };
    else for (const g of head.slice(headerAt + 1)) take(g);
    head.length = 0;
  }

  function take(g: GridRow): void {
    if (failed || isBlank(g.cells)) return;
    if (rows.length >= limit) return void (failed = { key: "tooManyRows", params: { max: limit } });
    rows.push({ row: g.row, values: fieldRecord(map!.byIndex.flatMap((col, i) => (col ? [[col.field, (g.cells[i] ?? null) as CellValue]] : []))) });
  }

  return {
    /** Adds the next row (nothing more is kept once the answer is a refusal). */
    push(g: GridRow): void {
      if (map) take(g);
      else if (!failed) {
        head.push(g);
        if (head.length === HEADER_SEARCH_ROWS) findHeader();
      }
    },
    finish(): GridResult {
      if (!map && !failed) findHeader();
      if (failed) return { ok: false, error: failed };
      if (rows.length === 0) return { ok: false, error: { key: "noRows" } };
      return { ok: true, fields: [...map!.present], unknownHeaders: map!.unknown, rows };
    },
  };
}

function isBlank(cells: Primitive[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}
