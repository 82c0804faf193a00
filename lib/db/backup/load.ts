import { BackupError } from "./errors";
import type { TableSpec } from "./format";
import { ident, type Sql } from "./session";

/**
 * One INSERT per batch of row lines: the lines go to the server as one jsonb array parameter and
 * each value is cast from its text form with its column's type (the type's own input function, as
 * COPY would), so nothing is converted in JavaScript — bigints and numerics stay exact.
 */
export function insertQuery(table: TableSpec): string {
  const cols = table.columns.map((c, i) => ({ ...c, i })).filter((c) => !c.generated);
  return (
    `INSERT INTO ${ident(table.name)} (${cols.map((c) => ident(c.name)).join(", ")}) ` +
    `SELECT ${cols.map((c) => `(r->>${c.i})::${castType(c.type)}`).join(", ")} FROM jsonb_array_elements($1::jsonb) AS e(r)`
  );
}

/**
 * The catalog names a type without its modifier: "character" alone is char(1) as a cast, which
 * would cut a CHAR(64) value to one character; text is assigned to the column's own char(n).
 */
const castType = (type: string) => (type === "character" ? "text" : type);

export async function insertLines(sql: Sql, query: string, lines: string[]): Promise<void> {
  await sql.run(query, [`[${lines.join(",")}]`]);
}

/** The target's tables and columns must be the backup's (same migrations make them so; this proves it). */
export function checkSameTables(backup: TableSpec[], target: TableSpec[]) {
  const key = (t: TableSpec) =>
    `${t.name}(${t.columns.map((c) => `${c.name} ${c.type}${c.generated ? " generated" : ""}`).join(", ")}) pk(${t.primaryKey.join(", ")})`;
  const want = new Map(backup.map((t) => [t.name, key(t)]));
  const have = new Map(target.map((t) => [t.name, key(t)]));
  const differ = [...new Set([...want.keys(), ...have.keys()])].filter((n) => want.get(n) !== have.get(n));
  if (differ.length) {
    throw new BackupError(
      `迁移后的目标数据库结构与备份不同（表：${differ.join(", ")}）。恢复已取消，未写入任何数据。`,
      `After migrating, the target's tables differ from the backup's (${differ.join(", ")}). The restore stopped; no data was written.`,
    );
  }
}

export type TriggerMode = "replica" | "alter-table";

/**
 * Turns off user triggers for the load, so rows arrive exactly as they were backed up: the
 * triggers that fill School.searchText/searchGrams and bump DataVersion would otherwise recompute
 * them. `session_replication_role = replica` needs a superuser (or a GRANT SET on it); otherwise
 * the tables' owner may `ALTER TABLE … DISABLE TRIGGER USER` inside the same transaction.
 */
export async function disableTriggers(sql: Sql, tables: TableSpec[], prefer: TriggerMode): Promise<TriggerMode> {
  if (prefer === "replica") {
    await sql.run("SAVEPOINT registry_restore_replica");
    try {
      await sql.rows("SELECT set_config('session_replication_role', 'replica', true)");
      await sql.run("RELEASE SAVEPOINT registry_restore_replica");
      return "replica";
    } catch {
      await sql.run("ROLLBACK TO SAVEPOINT registry_restore_replica");
    }
  }
  try {
    for (const t of tables) await sql.run(`ALTER TABLE ${ident(t.name)} DISABLE TRIGGER USER`);
  } catch (e) {
    throw new BackupError(
      "无法在恢复期间停用触发器：需要超级用户，或表的所有者身份。",
      `Cannot turn off triggers for the restore: it needs a superuser or the tables' owner (${(e as Error).message}).`,
    );
  }
  return "alter-table";
}

export async function enableTriggers(sql: Sql, tables: TableSpec[], mode: TriggerMode) {
  if (mode === "alter-table") for (const t of tables) await sql.run(`ALTER TABLE ${ident(t.name)} ENABLE TRIGGER USER`);
}

/**
 * Secondary indexes (not backing a primary key, unique constraint or foreign key) are dropped for
 * the load and created again afterwards, in the same transaction: building a GIN trigram index
 * once is several times cheaper than maintaining it row by row. Returns their definitions.
 */
export async function dropSecondaryIndexes(sql: Sql): Promise<string[]> {
  const rows = await sql.rows(
    `SELECT format('%I', ic.relname), pg_get_indexdef(i.indexrelid) FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
       ORDER BY ic.relname COLLATE "C"`,
  );
  for (const [name] of rows) await sql.run(`DROP INDEX ${name}`);
  return rows.map((r) => r[1]!);
}

export async function createIndexes(sql: Sql, definitions: string[]) {
  for (const def of definitions) await sql.run(def);
}
