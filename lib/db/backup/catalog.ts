import type { AppliedMigration, SequenceValue, TableSpec } from "./format";
import { ident, type Sql } from "./session";

/** Prisma's record of applied migrations: not data, each database keeps its own. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * Every table of the current schema (except _prisma_migrations), read from pg_catalog so that a
 * table added by a later migration is included without any change here, in foreign-key order:
 * each table after the tables it references (self-references ignored; a cycle, which the schema
 * does not have, is appended in name order — the restore does not check keys while loading).
 */
export async function readTables(sql: Sql): Promise<TableSpec[]> {
  const tables = await sql.rows(
    `SELECT c.oid::text, c.relname::text FROM pg_class c
       WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND c.relname <> $1
       ORDER BY c.relname COLLATE "C"`,
    [MIGRATIONS_TABLE],
  );
  const columns = await sql.rows(
    `SELECT a.attrelid::text, a.attname::text, format_type(a.atttypid, NULL), (a.attgenerated <> '')::text
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attrelid, a.attnum`,
  );
  const keys = await sql.rows(
    `SELECT k.conrelid::text, a.attname::text FROM pg_constraint k
       CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, pos)
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
       WHERE k.contype = 'p' AND k.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
       ORDER BY k.conrelid, u.pos`,
  );
  const refs = await sql.rows(
    `SELECT conrelid::text, confrelid::text FROM pg_constraint
       WHERE contype = 'f' AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND conrelid <> confrelid`,
  );
  const byOid = new Map<string, TableSpec>();
  for (const [oid, name] of tables) byOid.set(oid!, { name: name!, columns: [], primaryKey: [] });
  for (const [oid, name, type, generated] of columns) byOid.get(oid!)?.columns.push({ name: name!, type: type!, generated: generated === "true" });
  for (const [oid, name] of keys) byOid.get(oid!)?.primaryKey.push(name!);
  return foreignKeyOrder(byOid, refs as [string, string][]);
}

function foreignKeyOrder(byOid: Map<string, TableSpec>, refs: [string, string][]): TableSpec[] {
  const needs = new Map<string, Set<string>>([...byOid.keys()].map((oid) => [oid, new Set<string>()]));
  for (const [from, to] of refs) if (byOid.has(to)) needs.get(from)?.add(to);
  const ordered: TableSpec[] = [];
  const done = new Set<string>();
  while (done.size < byOid.size) {
    const ready = [...byOid.keys()].filter((oid) => !done.has(oid) && [...needs.get(oid)!].every((d) => done.has(d)));
    const next = ready.length ? ready : [...byOid.keys()].filter((oid) => !done.has(oid));
    for (const oid of next) {
      done.add(oid);
      ordered.push(byOid.get(oid)!);
    }
  }
  return ordered;
}

/** The query that reads a table for the file and for the restore's check: identical text both times. */
export function dumpQuery(table: TableSpec): string {
  const values = table.columns.map((c) => `${ident(c.name)}::text`).join(", ");
  // Collation "C" for text keys: the same order on every server whatever its default collation.
  const order = table.primaryKey.length
    ? table.primaryKey.map((k) => (textual(table, k) ? `t.${ident(k)} COLLATE "C"` : `t.${ident(k)}`)).join(", ")
    : `t::text COLLATE "C"`;
  return `SELECT to_json(ARRAY[${values}]::text[])::text FROM ${ident(table.name)} t ORDER BY ${order}`;
}

function textual(table: TableSpec, column: string) {
  const type = table.columns.find((c) => c.name === column)?.type ?? "";
  return ["text", "character varying", "character"].includes(type);
}

export async function readMigrations(sql: Sql): Promise<{ applied: AppliedMigration[]; unfinished: string[] } | null> {
  const [[exists]] = await sql.rows(`SELECT (to_regclass($1) IS NOT NULL)::text`, [ident(MIGRATIONS_TABLE)]);
  if (exists !== "true") return null;
  const rows = await sql.rows(
    `SELECT migration_name, checksum, (finished_at IS NOT NULL)::text, (rolled_back_at IS NOT NULL)::text
       FROM ${ident(MIGRATIONS_TABLE)} ORDER BY migration_name COLLATE "C", started_at`,
  );
  const applied = rows.filter((r) => r[2] === "true" && r[3] === "false").map(([name, checksum]) => ({ name: name!, checksum: checksum! }));
  const unfinished = rows.filter((r) => r[2] === "false" && r[3] === "false").map((r) => r[0]!);
  return { applied, unfinished };
}

export async function readSequences(sql: Sql): Promise<SequenceValue[]> {
  const names = await sql.rows(
    `SELECT relname::text FROM pg_class WHERE relkind = 'S' AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) ORDER BY relname COLLATE "C"`,
  );
  const out: SequenceValue[] = [];
  for (const [name] of names) {
    const [[lastValue, isCalled]] = await sql.rows(`SELECT last_value::text, is_called::text FROM ${ident(name!)}`);
    out.push({ name: name!, lastValue: lastValue!, isCalled: isCalled === "true" });
  }
  return out;
}

export async function serverVersion(sql: Sql): Promise<string> {
  const [[v]] = await sql.rows(`SELECT current_setting('server_version')`);
  return v ?? "";
}
