/**
 * npm run db:restore -- <file>
 * Restores a backup (from either engine) into an EMPTY database: PGlite in DATA_DIR (a new or
 * empty directory), or PostgreSQL at DATABASE_URL (a new database: createdb first). A database
 * with data is refused and left as it was. See docs/decisions/0041-backup-restore.md.
 */
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { describeTarget, openEngine, resolveTarget } from "../lib/db/engines";
import { BackupError } from "../lib/db/backup/errors";
import { restoreBackup } from "../lib/db/backup/restore";
import { defaultPaths } from "../lib/db/migrate/migrations-folder";
import { cliError, formatCount } from "./db-backup-cli";

async function main() {
  const [file, extra] = process.argv.slice(2);
  if (!file || extra) throw new BackupError("用法：npm run db:restore -- <备份文件>", "Usage: npm run db:restore -- <backup file>");
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件：${file}`, `No such backup file: ${file}`);
  const target = resolveTarget(env());
  const engine = openEngine(target);
  const started = performance.now();
  try {
    console.log(`恢复 / Restoring ${path.resolve(file)} → ${describeTarget(target)}`);
    const result = await restoreBackup(engine, file, {
      paths: defaultPaths(),
      onStep: (zh, en) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${zh} / ${en}`),
      onTable: ({ table, rows, ms }) => console.log(`  ${table.padEnd(22)} ${formatCount(rows).padStart(12)} 行/rows  ${(ms / 1000).toFixed(1)} s`),
    });
    const rows = result.trailer.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `完成 / Done: ${result.trailer.tables.length} 张表/tables, ${formatCount(rows)} 行/rows，逐表核对一致 / every table checked identical, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s. 备份来自 / backup made ${result.header.createdAt} on ${result.header.engine.kind}.` +
        (result.upgraded.length ? `\n已应用更新的迁移 / Applied newer migrations: ${result.upgraded.join(", ")}` : ""),
    );
  } finally {
    await engine.close();
  }
}

main()
  .catch(cliError)
  .finally(() => process.exit());
