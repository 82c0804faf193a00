/**
 * Offline migrations for both engines (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL):
 *   npm run db:migrate -- --name <what_changed>   new migration from schema.prisma changes
 *   npm run db:deploy                              apply pending migrations, then move files an older
 *                                                  version kept in DATA_DIR into the database (decision 0070)
 *   npm run db:status                              report applied / pending / failed / edited
 */
import "./load-env";
import { env } from "../lib/env";
import { describeTarget, openEngine, resolveTarget } from "../lib/db/engines";
import { defaultPaths } from "../lib/db/migrate/migrations-folder";
import { createMigration, deployMigrations, migrationStatus, MigrationError } from "../lib/db/migrate/runner";
import { db, disconnect } from "../lib/db/client";
import { importDiskFiles } from "../lib/files/disk-import/mutations";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const paths = defaultPaths();
  if (command === "migrate") {
    const i = rest.indexOf("--name");
    const name = i >= 0 ? rest[i + 1] : undefined;
    if (!name) throw new MigrationError("Usage: npm run db:migrate -- --name <what_changed>");
    // The diff replays the migrations folder in an in-memory database: the real one is not touched.
    const scratch = openEngine({ kind: "pglite", dataDir: "memory://" });
    try {
      const dir = await createMigration(scratch, paths, name);
      console.log(dir ? `Created prisma/migrations/${dir}/migration.sql` : "schema.prisma and the migrations agree: nothing to create.");
    } finally {
      await scratch.close();
    }
    return;
  }
  const target = resolveTarget(env());
  const engine = openEngine(target);
  try {
    if (command === "deploy") {
      const applied = await deployMigrations(engine, paths);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}:\n${applied.map((n) => `  ${n}`).join("\n")}`
          : `${describeTarget(target)} is up to date.`,
      );
    } else if (command === "status") {
      const s = await migrationStatus(engine, paths);
      console.log(`${describeTarget(target)}`);
      console.log(`  applied: ${s.applied}`);
      console.log(`  pending: ${s.pending.length ? s.pending.join(", ") : "none"}`);
      if (s.failed.length) console.log(`  FAILED:  ${s.failed.join(", ")} (fix by hand, then redeploy)`);
      if (s.edited.length) console.log(`  EDITED after being applied: ${s.edited.join(", ")}`);
      if (s.notInFolder.length) console.log(`  applied but missing from the folder: ${s.notInFolder.join(", ")}`);
      if (s.failed.length || s.edited.length || s.notInFolder.length) process.exitCode = 1;
    } else {
      throw new MigrationError(`Unknown command "${command ?? ""}": use migrate, deploy or status.`);
    }
  } finally {
    await engine.close();
  }
  if (command === "deploy") await moveDiskFiles();
}

/** The upgrade step of issue 14: idempotent, silent when DATA_DIR holds no files (decision 0070). */
async function moveDiskFiles() {
  try {
    await db().$queryRaw`SELECT 1`;
    const r = await importDiskFiles(env().DATA_DIR);
    if (r.attachments || r.releases || r.removed) {
      console.log(
        `Moved ${r.attachments} attachment file(s) and ${r.releases} release(s) from DATA_DIR into the database (${r.removed} already there, removed from disk).`,
      );
    }
    for (const p of r.leftovers) console.warn(`Left in place, named by no row of this database (remove it by hand once sure): ${p}`);
    for (const p of r.damaged) console.error(`Not moved (its bytes do not match the row that names it; left in place): ${p}`);
    if (r.damaged.length) process.exitCode = 1;
  } finally {
    await disconnect();
  }
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof MigrationError || (e instanceof Error && e.name === "DataDirLockedError") ? e.message : e);
    process.exitCode = 1;
  })
  // The wasm engine keeps the event loop alive after it is freed.
  .finally(() => process.exit());
