import { createHash } from "node:crypto";
import { dumpQuery } from "./catalog";
import type { TableSpec, TableSummary } from "./format";
import type { Sql } from "./session";

const FETCH_ROWS = 2000;
/** Rows of a table with a bytea column (StoredFileChunk: 256 KiB each, twice that as hex text) per fetch. */
const FETCH_BYTEA_ROWS = 4;

/**
 * Reads one table through a cursor, FETCH_ROWS at a time (a big table never sits in memory whole;
 * a table of file chunks a few rows at a time, a few MB), giving each batch of row lines to
 * `onRows`; returns the table's row count and sha256.
 */
export async function dumpTable(sql: Sql, table: TableSpec, onRows?: (lines: string[]) => Promise<void>): Promise<TableSummary> {
  const hash = createHash("sha256");
  let rows = 0;
  const fetch = table.columns.some((c) => c.type === "bytea") ? FETCH_BYTEA_ROWS : FETCH_ROWS;
  await sql.run(`DECLARE registry_backup_cursor NO SCROLL CURSOR FOR ${dumpQuery(table)}`);
  try {
    for (;;) {
      const batch = await sql.rows(`FETCH FORWARD ${fetch} FROM registry_backup_cursor`);
      if (!batch.length) break;
      const lines = batch.map((r) => r[0]!);
      for (const line of lines) hash.update(line).update("\n");
      rows += lines.length;
      if (onRows) await onRows(lines);
    }
  } finally {
    await sql.run(`CLOSE registry_backup_cursor`).catch(() => {});
  }
  return { name: table.name, rows, sha256: hash.digest("hex") };
}
