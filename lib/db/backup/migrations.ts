import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { OpenEngine } from "../engines";
import type { Paths } from "../migrate/migrations-folder";
import { deployMigrations } from "../migrate/runner";
import { BackupError } from "./errors";
import type { AppliedMigration } from "./format";

/** The migrations folder as _prisma_migrations would record it (checksum: sha256 of migration.sql). */
export function folderMigrations(migrationsDir: string): AppliedMigration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash("sha256")
        .update(fs.readFileSync(path.join(migrationsDir, name, "migration.sql")))
        .digest("hex"),
    }));
}

const same = (a: AppliedMigration, b: AppliedMigration | undefined) => !!b && a.name === b.name && a.checksum === b.checksum;

/** True when `prefix` is the start of `list` (names and checksums). */
export function isPrefix(prefix: AppliedMigration[], list: AppliedMigration[]) {
  return prefix.length <= list.length && prefix.every((m, i) => same(m, list[i]));
}

/**
 * The backup's migrations must be the first migrations of this checkout, unedited: the data is
 * loaded into exactly that schema, and the checkout's later migrations run afterwards, as they
 * would on the original database.
 */
export function checkBackupMigrations(backup: AppliedMigration[], folder: AppliedMigration[]) {
  if (isPrefix(backup, folder)) return;
  const i = backup.findIndex((m, k) => !same(m, folder[k]));
  const m = backup[i];
  const f = folder[i];
  const why = !f
    ? `the backup has migration ${m.name}, which this code does not have (restore with the code version that made the backup, or newer)`
    : f.name !== m.name
      ? `migration ${i + 1} is ${m.name} in the backup but ${f.name} here`
      : `migration ${m.name} was edited after the backup was made (checksums differ)`;
  throw new BackupError(`备份的数据库结构与当前代码的迁移不一致：${why}。`, `The backup's schema does not match this code's migrations: ${why}.`);
}

/** Applies exactly the given leading migrations (from a temporary copy of the folder) — no more. */
export async function deployPrefix(engine: Pick<OpenEngine, "factory" | "exec">, paths: Paths, migrations: AppliedMigration[]): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-restore-migrations-"));
  try {
    const lock = path.join(paths.migrationsDir, "migration_lock.toml");
    if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(dir, "migration_lock.toml"));
    for (const m of migrations) fs.cpSync(path.join(paths.migrationsDir, m.name), path.join(dir, m.name), { recursive: true });
    return await deployMigrations(engine, { schemaPath: paths.schemaPath, migrationsDir: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
