import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEngine } from "@/lib/db/engines";
import { defaultPaths } from "@/lib/db/migrate/migrations-folder";
import { deployMigrations, migrationStatus, MigrationError, pendingSchemaChange } from "@/lib/db/migrate/runner";
import { copyOfPrismaFolder, emptyLocation, migrationNames, openMigrationTarget, sha256, type MigrationTarget } from "../support/fixtures/migration-target";
import { runDbScript } from "../support/fixtures/run-script";

/**
 * The offline migration runner (lib/db/migrate) on an empty database — a PGlite data directory,
 * or a fresh PostgreSQL database when TEST_DATABASE_URL is set. See docs/decisions/0002.
 */
const real = defaultPaths();
const realNames = migrationNames(real.migrationsDir);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function target(): Promise<MigrationTarget> {
  const t = await openMigrationTarget();
  cleanups.push(() => t.close());
  return t;
}

function prismaCopy() {
  const copy = copyOfPrismaFolder();
  cleanups.push(() => fs.rmSync(copy.root, { recursive: true, force: true }));
  return copy;
}

describe("deploy and status", () => {
  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const t = await target();
    const before = await migrationStatus(t.engine, real);
    expect(before.pending).toEqual(realNames);
    expect(before.hasMigrationsTable).toBe(false);

    const applied = await deployMigrations(t.engine, real);
    expect(applied).toEqual(realNames);

    const history = await t.history();
    expect(history.map((h) => h.migration_name)).toEqual(realNames);
    for (const row of history) {
      expect(row.checksum).toBe(sha256(path.join(real.migrationsDir, row.migration_name, "migration.sql")));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // The schema really is there: a table from the first migration answers.
    expect(await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Authority"`)).toEqual([{ n: 0 }]);

    const after = await migrationStatus(t.engine, real);
    expect(after).toMatchObject({ pending: [], failed: [], edited: [], notInFolder: [], applied: realNames.length });

    expect(await deployMigrations(t.engine, real)).toEqual([]);
    expect(await t.history()).toHaveLength(realNames.length);
  });

  it("records a failed migration and refuses the next deploy naming it (P3009)", async () => {
    const t = await target();
    const copy = prismaCopy();
    const broken = "99990101000000_broken";
    fs.mkdirSync(path.join(copy.migrationsDir, broken));
    fs.writeFileSync(path.join(copy.migrationsDir, broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`);

    await expect(deployMigrations(t.engine, copy)).rejects.toThrow(MigrationError);

    const history = await t.history();
    expect(history.map((h) => h.migration_name)).toEqual([...realNames, broken]);
    const failed = history.find((h) => h.migration_name === broken)!;
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/no_such_table/);
    // The script runs whole, in one implicit transaction: nothing of it is left behind.
    expect(await t.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`)).toEqual([]);

    const status = await migrationStatus(t.engine, copy);
    expect(status.failed).toEqual([broken]);

    const second = deployMigrations(t.engine, copy);
    await expect(second).rejects.toThrow(MigrationError);
    await expect(second).rejects.toThrow(/P3009/);
    await expect(second).rejects.toThrow(new RegExp(broken));

    // The way out documented in docs/decisions/0002: mark it rolled back, fix it, deploy again.
    await t.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${broken}'`);
    fs.writeFileSync(path.join(copy.migrationsDir, broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\n`);
    expect(await deployMigrations(t.engine, copy)).toEqual([broken]);
    expect((await migrationStatus(t.engine, copy)).failed).toEqual([]);
  });

  it("reports an applied migration that was edited afterwards", async () => {
    const t = await target();
    const copy = prismaCopy();
    await deployMigrations(t.engine, copy);
    const last = realNames[realNames.length - 1];
    fs.appendFileSync(path.join(copy.migrationsDir, last, "migration.sql"), "\n-- edited after it was applied\n");
    const status = await migrationStatus(t.engine, copy);
    expect(status.edited).toEqual([last]);
    expect(status.pending).toEqual([]);
  });
});

describe("schema.prisma and the migrations agree (drift test)", () => {
  // The diff replays the migrations in an in-memory PGlite: no target database is needed.
  const scratch = () => {
    const e = openEngine({ kind: "pglite", dataDir: "memory://" });
    cleanups.push(() => e.close());
    return e;
  };

  it("finds nothing to migrate in the real prisma/ folder — run `npm run db:migrate -- --name <x>` if this fails", async () => {
    const sql = await pendingSchemaChange(scratch(), real);
    expect(sql, `schema.prisma has changes without a migration:\n${sql}`).toBeNull();
  });

  it("can fail: a field added to a copy of the schema is reported as SQL", async () => {
    const copy = prismaCopy();
    const schema = fs.readFileSync(copy.schemaPath, "utf8");
    const edited = schema.replace(/model Authority \{\n/, `model Authority {\n  driftProbe String?\n`);
    expect(edited).not.toBe(schema);
    fs.writeFileSync(copy.schemaPath, edited);
    const sql = await pendingSchemaChange(scratch(), copy);
    expect(sql).toMatch(/ALTER TABLE "Authority" ADD COLUMN\s+"driftProbe" TEXT/);
  });
});

describe("npm run db:deploy / db:status (scripts/db.ts)", () => {
  it("deploys, then reports nothing pending, from the command line", async () => {
    const { target: where, cleanup } = await emptyLocation();
    cleanups.push(cleanup);
    // A copy of prisma/ as the script's working directory: migrations landing meanwhile do not count.
    const copy = prismaCopy();
    const names = migrationNames(copy.migrationsDir);
    const env: Record<string, string> = where.kind === "postgres" ? { DATABASE_URL: where.url } : { DATA_DIR: where.dataDir, DATABASE_URL: "" };

    const deploy = await runDbScript(["deploy"], env, copy.root);
    expect(deploy.code, deploy.output).toBe(0);
    expect(deploy.output).toContain(`Applied ${names.length} migration(s)`);
    for (const name of names) expect(deploy.output).toContain(name);

    const status = await runDbScript(["status"], env, copy.root);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toMatch(/pending: none/);

    const again = await runDbScript(["deploy"], env, copy.root);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/is up to date/);
    // Several tsx processes, each opening its engine (a PGlite initdb ~6 s idle): minutes on a busy 2-core machine.
  }, 240_000);
});
