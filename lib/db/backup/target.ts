import type { OpenEngine } from "../engines";
import { readMigrations, readTables } from "./catalog";
import { BackupError } from "./errors";
import type { AppliedMigration } from "./format";
import { isPrefix } from "./migrations";
import { ident, inTransaction } from "./session";

/**
 * Rows the migrations themselves insert (a freshly migrated database has them; they are not data):
 * table → the condition they meet. The restore replaces them with the backup's rows. A migration
 * that seeds another table must add it here (the round-trip test fails with a key conflict until then).
 */
export const MIGRATION_ROWS: Record<string, string> = { DataVersion: `"version" = 0` };

export type TargetState = { migrations: AppliedMigration[]; tables: number };

/**
 * The restore target must be empty: a new database (no tables), or one that only has migrations
 * applied — never one with data (the audit log cannot be deleted, and nothing is overwritten).
 * Refuses otherwise, before anything is written.
 */
export async function checkTargetEmpty(engine: Pick<OpenEngine, "factory">, backupMigrations: AppliedMigration[]): Promise<TargetState> {
  return inTransaction(engine, "read-only snapshot", async (sql) => {
    const tables = await readTables(sql);
    const m = await readMigrations(sql);
    if (!m && tables.length) {
      throw new BackupError(
        `目标数据库已有表（${tables.length} 个）但没有迁移记录，不是空的名录数据库。请恢复到一个新建的空数据库。`,
        `The target database has ${tables.length} tables but no migration history: it is not an empty registry database. Restore into a new, empty database.`,
      );
    }
    const withRows: string[] = [];
    for (const t of tables) {
      const extra = MIGRATION_ROWS[t.name];
      const [[has]] = await sql.rows(`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}${extra ? ` WHERE NOT (${extra})` : ""})::text`);
      if (has === "true") withRows.push(t.name);
    }
    if (withRows.length) {
      const list = withRows.slice(0, 8).join(", ") + (withRows.length > 8 ? ` … (${withRows.length})` : "");
      throw new BackupError(
        `目标数据库不是空的（有数据的表：${list}）。恢复只写入新建的空数据库，不会覆盖或删除任何数据；请新建一个空数据库（或换一个空的 DATA_DIR）再恢复。`,
        `The target database is not empty (tables with rows: ${list}). A restore only goes into a new, empty database and never overwrites or deletes anything: create an empty database (or use an empty DATA_DIR) and restore into it.`,
      );
    }
    const applied = m?.applied ?? [];
    if (m?.unfinished.length || !isPrefix(applied, backupMigrations)) {
      throw new BackupError(
        "目标数据库的迁移与备份不一致（它比备份新，或有失败的迁移）。请恢复到一个新建的空数据库。",
        "The target database's migrations differ from the backup's (it is newer, or has a failed migration). Restore into a new, empty database.",
      );
    }
    return { migrations: applied, tables: tables.length };
  });
}
