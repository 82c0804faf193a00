/**
 * npm run db:backup -- [--out <file>]
 * Writes the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL) to one file that either
 * engine can restore: backups/registry-<UTC time>.jsonl.gz by default. See docs/decisions/0041-backup-restore.md.
 */
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { describeTarget, openEngine, resolveTarget } from "../lib/db/engines";
import { createBackup } from "../lib/db/backup/backup";
import { BackupError } from "../lib/db/backup/errors";
import { FILE_SUFFIX } from "../lib/db/backup/format";
import { cliError, formatBytes, formatCount } from "./db-backup-cli";

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  if (i >= 0 && !args[i + 1]) throw new BackupError("用法：npm run db:backup -- [--out <文件>]", "Usage: npm run db:backup -- [--out <file>]");
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const file = path.resolve(i >= 0 ? args[i + 1] : path.join("backups", `registry-${stamp}${FILE_SUFFIX}`));
  if (fs.existsSync(file)) throw new BackupError(`文件已存在，不会覆盖：${file}`, `The file exists and is not overwritten: ${file}`);

  const target = resolveTarget(env());
  if (target.kind === "pglite" && !target.dataDir.startsWith("memory://") && !fs.existsSync(path.join(target.dataDir, "pgdata", "PG_VERSION"))) {
    throw new BackupError(`DATA_DIR 中没有数据库：${target.dataDir}`, `There is no database in DATA_DIR: ${target.dataDir}`);
  }
  const engine = openEngine(target);
  const started = performance.now();
  try {
    console.log(`备份 / Backing up ${describeTarget(target)} → ${file}`);
    const result = await createBackup(engine, file, ({ table, rows, ms }) => {
      console.log(`  ${table.padEnd(22)} ${formatCount(rows).padStart(12)} 行/rows  ${(ms / 1000).toFixed(1)} s`);
    });
    const rows = result.trailer.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `完成 / Done: ${result.trailer.tables.length} 张表/tables, ${formatCount(rows)} 行/rows, ${formatBytes(result.bytes)}, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
        `该文件含密码散列和签名私钥，请妥善保管（权限 0600）。/ The file holds password hashes and signing keys: keep it private (mode 0600).`,
    );
  } finally {
    await engine.close();
  }
}

main()
  .catch(cliError)
  .finally(() => process.exit());
