import type { OpenEngine } from "../engines";
import type { Paths } from "../migrate/migrations-folder";
import { deployMigrations } from "../migrate/runner";
import { readTables } from "./catalog";
import { dumpTable } from "./dump";
import { BackupError } from "./errors";
import type { BackupHeader, BackupTrailer } from "./format";
import { checkSameTables, createIndexes, disableTriggers, dropSecondaryIndexes, enableTriggers, insertLines, insertQuery, type TriggerMode } from "./load";
import { checkBackupMigrations, deployPrefix, folderMigrations } from "./migrations";
import { scanBackup } from "./reader";
import { ident, inTransaction } from "./session";
import { checkTargetEmpty, MIGRATION_ROWS } from "./target";

export type RestoreOptions = {
  paths: Paths;
  /** Progress lines for a person (the CLI prints them). */
  onStep?: (zh: string, en: string) => void;
  onTable?: (event: { table: string; rows: number; ms: number }) => void;
  /** Apply this checkout's migrations that are newer than the backup, after the load (default true). */
  upgrade?: boolean;
  /** Tests: force the fallback way of turning triggers off. */
  triggers?: TriggerMode;
};

export type RestoreResult = { header: BackupHeader; trailer: BackupTrailer; triggers: TriggerMode; upgraded: string[] };

/**
 * Restores a backup into an EMPTY database. Steps: check the whole file (structure, counts,
 * sha256); check its migrations against this checkout; refuse a target with data; apply exactly
 * the backup's migrations; then in ONE transaction load every table with triggers and secondary
 * indexes off (the indexes are built once afterwards), read every table back and compare count
 * and sha256 with the file, set sequences — and commit. Any failure rolls the load back: nothing
 * is half-restored. Finally the checkout's newer migrations, if any.
 */
export async function restoreBackup(engine: Pick<OpenEngine, "factory" | "exec">, file: string, opts: RestoreOptions): Promise<RestoreResult> {
  const step = opts.onStep ?? (() => {});
  step("检查备份文件…", "Checking the backup file…");
  const first = await scanBackup(file);
  const { header } = first;
  const folder = folderMigrations(opts.paths.migrationsDir);
  checkBackupMigrations(header.migrations, folder);

  step("检查目标数据库…", "Checking the target database…");
  const state = await checkTargetEmpty(engine, header.migrations);
  if (state.migrations.length < header.migrations.length) {
    step(`应用备份时的 ${header.migrations.length} 个迁移…`, `Applying the backup's ${header.migrations.length} migrations…`);
    await deployPrefix(engine, opts.paths, header.migrations);
  }

  step("在一个事务中载入数据…", "Loading the data in one transaction…");
  const triggers = await inTransaction(engine, "read-write", async (sql) => {
    const tables = await readTables(sql);
    checkSameTables(header.tables, tables);
    const mode = await disableTriggers(sql, tables, opts.triggers ?? "replica");
    for (const [table, seeded] of Object.entries(MIGRATION_ROWS)) {
      if (tables.some((t) => t.name === table)) await sql.run(`DELETE FROM ${ident(table)} WHERE ${seeded}`);
    }
    const indexes = await dropSecondaryIndexes(sql);
    const queries = new Map(header.tables.map((t) => [t.name, insertQuery(t)]));
    let started = performance.now();
    const second = await scanBackup(file, {
      rows: (table, lines) => insertLines(sql, queries.get(table)!, lines),
      tableEnd: (table, rows) => {
        opts.onTable?.({ table, rows, ms: performance.now() - started });
        started = performance.now();
      },
    });
    if (JSON.stringify(second.trailer) !== JSON.stringify(first.trailer)) {
      throw new BackupError("备份文件在恢复过程中被改动。", "The backup file changed during the restore.");
    }

    step(`重建 ${indexes.length} 个索引…`, `Building ${indexes.length} indexes…`);
    await createIndexes(sql, indexes);

    step("逐表核对行数与 sha256…", "Checking every table's row count and sha256…");
    for (const [i, table] of header.tables.entries()) {
      const want = first.trailer.tables[i];
      const got = await dumpTable(sql, table);
      if (got.rows !== want.rows || got.sha256 !== want.sha256) {
        throw new BackupError(
          `表 ${table.name} 恢复后与备份不一致（${got.rows} 行，备份 ${want.rows} 行）。已回滚，未写入任何数据。`,
          `Table ${table.name} differs from the backup after loading (${got.rows} rows, backup ${want.rows}). Rolled back; nothing was written.`,
        );
      }
    }
    for (const s of first.trailer.sequences) {
      await sql.rows(`SELECT setval($1::regclass, $2::bigint, $3::boolean)::text`, [ident(s.name), s.lastValue, String(s.isCalled)]);
    }
    await enableTriggers(sql, tables, mode);
    return mode;
  });

  let upgraded: string[] = [];
  if ((opts.upgrade ?? true) && folder.length > header.migrations.length) {
    step(
      `应用备份之后新增的 ${folder.length - header.migrations.length} 个迁移…`,
      `Applying ${folder.length - header.migrations.length} migrations newer than the backup…`,
    );
    upgraded = await deployMigrations(engine, opts.paths);
  }
  return { header, trailer: first.trailer, triggers, upgraded };
}
