import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "./client";

/**
 * Bulk inserts, one statement per thousand rows: the rows travel as ONE JSON parameter and
 * PostgreSQL unpacks them with jsonb_to_recordset (the same SQL on PGlite). Prisma's createMany
 * spends about a millisecond of JavaScript per row building its query; this path makes a
 * 10,000-row import commit several times faster. Column lists must mirror prisma/schema.prisma
 * (the callers' integration tests read the rows back through Prisma, so a mismatch fails them).
 */
const CHUNK = 1000;

export type BulkColumns = [name: string, sqlType: string][];

let counter = 0;
/** Ids in the shape of Prisma's cuid() default: "c", time, a counter and randomness (opaque strings). */
export function newId(): string {
  counter = (counter + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${randomBytes(5).toString("hex")}`.slice(0, 25);
}

export async function insertJson(tx: Tx, table: string, columns: BulkColumns, rows: Record<string, unknown>[]) {
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const record = columns.map(([n, t]) => `"${n}" ${t}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${record})`;
  for (let i = 0; i < rows.length; i += CHUNK) await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + CHUNK)));
}
