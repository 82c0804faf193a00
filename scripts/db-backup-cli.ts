import { BackupError } from "../lib/db/backup/errors";
import { MigrationError } from "../lib/db/migrate/runner";

/** Shared by db-backup.ts and db-restore.ts: expected failures print their message only. */
export function cliError(e: unknown) {
  if (e instanceof BackupError) console.error(`\n${e.message}`);
  else if (e instanceof Error && e.name === "DataDirLockedError") {
    console.error(`\n应用（或另一个进程）正在使用这个嵌入式数据库。请先停止应用再备份或恢复。\n${e.message}`);
  } else if (e instanceof MigrationError) console.error(`\n迁移失败 / Migration failed:\n${e.message}`);
  else console.error(e);
  process.exitCode = 1;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

export function formatBytes(n: number) {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024).toFixed(1)} KiB`;
}
