import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, type BackupResult } from "@/lib/db/backup/backup";
import { BackupError } from "@/lib/db/backup/errors";
import { deployPrefix, folderMigrations } from "@/lib/db/backup/migrations";
import { restoreBackup } from "@/lib/db/backup/restore";
import { openEngine, type OpenEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { defaultPaths } from "@/lib/db/migrate/migrations-folder";
import { deployMigrations } from "@/lib/db/migrate/runner";
import { seedDemo, seedReference } from "@/prisma/demo";
import { copyOfPrismaFolder, emptyLocation } from "../support/fixtures/migration-target";
import { runTsx } from "../support/fixtures/run-script";
import { createPgDatabase } from "../support/test-db";
import { addBackupFixture, BIG, EVERY_BYTE, ODD_TEXT } from "./backup-fixtures";

/**
 * npm run db:backup / db:restore (lib/db/backup, docs/decisions/0041-backup-restore.md): a seeded
 * database — every table filled — is backed up, restored into a new empty database, and compared
 * table by table, row by row. On PGlite, or on PostgreSQL when TEST_DATABASE_URL is set (then also
 * restored into PGlite: the format is the same for both engines).
 */
type Db = { engine: OpenEngine; client: PrismaClient; kind: "pglite" | "postgres"; close: () => Promise<void> };

const paths = defaultPaths();
const base = process.env.TEST_DATABASE_URL || undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-backup-test-"));
const open: Db[] = [];

async function blank(kind: "pglite" | "postgres" = base ? "postgres" : "pglite"): Promise<Db> {
  let drop = async () => {};
  let engine: OpenEngine;
  if (kind === "postgres") {
    const created = await createPgDatabase(base!);
    drop = created.drop;
    engine = openEngine({ kind: "postgres", url: created.url });
  } else engine = openEngine({ kind: "pglite", dataDir: "memory://" });
  const client = new PrismaClient({ adapter: engine.factory });
  const db: Db = {
    engine,
    client,
    kind,
    close: async () => {
      await client.$disconnect();
      await engine.close();
      await drop();
    },
  };
  open.push(db);
  return db;
}

/** Tables and their primary keys, from information_schema (not the code under test). */
async function tables(db: Db): Promise<{ name: string; key: string }[]> {
  const rows = await db.client.$queryRawUnsafe<{ name: string; key: string }[]>(`
    SELECT t.table_name AS name, string_agg(format('%I', k.column_name), ',' ORDER BY k.ordinal_position) AS key
    FROM information_schema.tables t
    JOIN information_schema.table_constraints c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
    JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
    WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND t.table_name <> '_prisma_migrations'
    GROUP BY t.table_name ORDER BY t.table_name`);
  return rows;
}

/** Every row of every table: as the driver reads it (SELECT *), and as PostgreSQL's own row text. */
async function contents(db: Db) {
  const out: Record<string, { rows: unknown[]; text: string[] }> = {};
  for (const t of await tables(db)) {
    const order = t.key
      .split(",")
      .map((k) => `${k}::text COLLATE "C"`)
      .join(", ");
    out[t.name] = {
      rows: await db.client.$queryRawUnsafe(`SELECT * FROM "${t.name}" t ORDER BY ${order}`),
      text: (await db.client.$queryRawUnsafe<{ r: string }[]>(`SELECT t::text AS r FROM "${t.name}" t ORDER BY ${order}`)).map((x) => x.r),
    };
  }
  return out;
}

/** Indexes and triggers (with their enabled state): the restore drops and disables some for the load. */
async function schemaObjects(db: Db) {
  const indexes = await db.client.$queryRawUnsafe(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname COLLATE "C"`,
  );
  const triggers = await db.client.$queryRawUnsafe(
    `SELECT tgname::text AS name, tgenabled::text AS enabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname COLLATE "C"`,
  );
  return { indexes, triggers };
}

let source: Db;
let backup: BackupResult;
let before: Awaited<ReturnType<typeof contents>>;

beforeAll(async () => {
  source = await blank();
  await deployMigrations(source.engine, paths);
  await seedDemo(source.client, { now: new Date("2026-11-01T08:00:00Z") });
  await addBackupFixture(source.client);
  before = await contents(source);
  backup = await createBackup(source.engine, path.join(dir, "source.jsonl.gz"));
}, 240_000);

afterAll(async () => {
  for (const db of open.reverse()) await db.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the source database", () => {
  it("has rows in every table, so the round trip covers them all", () => {
    const empty = Object.entries(before)
      .filter(([, c]) => c.rows.length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(29);
  });

  it("the backup lists exactly the database's tables, and is private to its owner", () => {
    expect(backup.header.tables.map((t) => t.name).sort()).toEqual(Object.keys(before).sort());
    expect(backup.trailer.tables.map((t) => [t.name, t.rows])).toEqual(backup.header.tables.map((t) => [t.name, before[t.name].rows.length]));
    expect(backup.header.migrations.map((m) => m.name)).toEqual(folderMigrations(paths.migrationsDir).map((m) => m.name));
    expect(fs.statSync(backup.file).mode & 0o777).toBe(0o600);
  });

  it("lists a table after every table it references", async () => {
    const refs = await source.client.$queryRawUnsafe<{ child: string; parent: string }[]>(`
      SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`);
    const pos = new Map(backup.header.tables.map((t, i) => [`"${t.name}"`, i]));
    for (const r of refs) expect(pos.get(r.parent)!, `${r.child} → ${r.parent}`).toBeLessThan(pos.get(r.child)!);
  });
});

describe("restore into a new empty database", () => {
  it("gives every row of every table back identical", async () => {
    const target = await blank();
    const result = await restoreBackup(target.engine, backup.file, { paths });
    expect(result.triggers).toBe("replica");
    expect(await schemaObjects(target)).toEqual(await schemaObjects(source));
    const after = await contents(target);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) {
      expect(after[name].text, name).toEqual(before[name].text);
      expect(after[name].rows, name).toEqual(before[name].rows);
    }
    // Spot checks of values a careless dump loses.
    const [job] = await target.client.importJob.findMany({ select: { payload: true, fields: true } });
    expect(Buffer.from(job.payload).equals(Buffer.from(EVERY_BYTE))).toBe(true);
    expect(job.fields).toContain(ODD_TEXT);
    expect((await target.client.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(BIG);
    const nulls = await target.client.$queryRawUnsafe<{ b: string | null; a: string | null }[]>(
      `SELECT "before"::text AS b, "after"::text AS a FROM "AuditEvent" WHERE "entityId" = '1' AND "action" = 'backup.fixture'`,
    );
    expect(nulls).toEqual([{ b: "null", a: null }]);
    // The restored audit log is still append-only.
    await expect(target.client.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("gives the same rows when triggers are turned off table by table (no superuser)", async () => {
    const target = await blank();
    const result = await restoreBackup(target.engine, backup.file, { paths, triggers: "alter-table" });
    expect(result.triggers).toBe("alter-table");
    expect(await schemaObjects(target)).toEqual(await schemaObjects(source));
    const after = await contents(target);
    for (const name of Object.keys(before)) expect(after[name].text, name).toEqual(before[name].text);
    // …and the triggers work again afterwards.
    const school = await target.client.school.findFirstOrThrow({ select: { id: true } });
    await target.client.school.update({ where: { id: school.id }, data: { nameEn: "Renamed Backup School" } });
    const [row] = await target.client.$queryRawUnsafe<{ s: string }[]>(`SELECT "searchText" AS s FROM "School" WHERE id = '${school.id}'`);
    expect(row.s).toContain("Renamed Backup School");
  });

  it.runIf(base)("restores a PostgreSQL backup into PGlite with every row identical", async () => {
    const target = await blank("pglite");
    await restoreBackup(target.engine, backup.file, { paths });
    const after = await contents(target);
    for (const name of Object.keys(before)) expect(after[name].text, name).toEqual(before[name].text);
    // And back: the PGlite copy's backup has the same tables, counts and checksums.
    const again = await createBackup(target.engine, path.join(dir, "from-pglite.jsonl.gz"));
    expect(again.trailer.tables).toEqual(backup.trailer.tables);
  });
});

describe("refusals", () => {
  it("refuses a database that has data, and changes nothing in it", async () => {
    await expect(restoreBackup(source.engine, backup.file, { paths })).rejects.toThrow(/目标数据库不是空的[\s\S]*not empty/);
    const after = await contents(source);
    for (const name of Object.keys(before)) expect(after[name].text, name).toEqual(before[name].text);
  });

  it("refuses a damaged file (one changed character, or cut short) before touching the target", async () => {
    const text = gunzipSync(fs.readFileSync(backup.file)).toString("utf8");
    const changed = path.join(dir, "changed.jsonl.gz");
    const i = text.indexOf('{"table":"School"}');
    const j = text.indexOf("学校", i);
    fs.writeFileSync(changed, gzipSync(text.slice(0, j) + "学院" + text.slice(j + 2)));
    const cut = path.join(dir, "cut.jsonl.gz");
    const gz = fs.readFileSync(backup.file);
    fs.writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const dropped = path.join(dir, "dropped.jsonl.gz");
    const lines = text.split("\n");
    fs.writeFileSync(dropped, gzipSync(lines.filter((_, k) => k !== lines.indexOf('{"table":"ReviewScore"}') + 1).join("\n")));

    const target = await blank();
    await expect(restoreBackup(target.engine, changed, { paths })).rejects.toThrow(/损坏[\s\S]*table "School"/);
    await expect(restoreBackup(target.engine, cut, { paths })).rejects.toThrow(BackupError);
    await expect(restoreBackup(target.engine, dropped, { paths })).rejects.toThrow(/table "ReviewScore"/);
    expect(await tables(target)).toEqual([]);
  });

  it("refuses a backup whose migrations this code does not have", async () => {
    const copy = copyOfPrismaFolder();
    try {
      const last = folderMigrations(copy.migrationsDir).at(-1)!.name;
      fs.rmSync(path.join(copy.migrationsDir, last), { recursive: true });
      const target = await blank();
      await expect(restoreBackup(target.engine, backup.file, { paths: copy })).rejects.toThrow(new RegExp(`${last}, which this code does not have`));
      expect(await tables(target)).toEqual([]);
    } finally {
      fs.rmSync(copy.root, { recursive: true, force: true });
    }
  });
});

describe("a backup from an older schema", () => {
  it("is restored into that schema, then migrated forward", async () => {
    const migrations = folderMigrations(paths.migrationsDir);
    const old = await blank();
    await deployPrefix(old.engine, paths, migrations.slice(0, -1));
    await seedReference(old.client);
    const file = (await createBackup(old.engine, path.join(dir, "old.jsonl.gz"))).file;
    const target = await blank();
    const result = await restoreBackup(target.engine, file, { paths });
    expect(result.upgraded).toEqual([migrations.at(-1)!.name]);
    expect(await target.client.authority.count()).toBe(32);
    expect(await target.client.authority.findUnique({ where: { id: "guangdong" }, select: { nameZh: true } })).toEqual({ nameZh: "广东省" });
  });
});

describe("the npm scripts", () => {
  it("db:restore restores into the configured database and db:backup backs it up again", async () => {
    const location = await emptyLocation();
    try {
      const envFor: Record<string, string> =
        location.target.kind === "postgres" ? { DATABASE_URL: location.target.url } : { DATABASE_URL: "", DATA_DIR: location.target.dataDir };
      const restored = await runTsx("scripts/db-restore.ts", [backup.file], envFor);
      expect(restored.output).toContain("every table checked identical");
      expect(restored.code).toBe(0);
      const again = await runTsx("scripts/db-restore.ts", [backup.file], envFor);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/目标数据库不是空的/);
      const out = path.join(dir, "cli.jsonl.gz");
      const backedUp = await runTsx("scripts/db-backup.ts", ["--out", out], envFor);
      expect(backedUp.code, backedUp.output).toBe(0);
      const trailer = JSON.parse(gunzipSync(fs.readFileSync(out)).toString("utf8").trim().split("\n").at(-1)!).end;
      expect(trailer.tables).toEqual(backup.trailer.tables);
    } finally {
      await location.cleanup();
    }
    // Several tsx processes, each opening its engine (a PGlite initdb ~6 s idle): minutes on a busy 2-core machine.
  }, 240_000);

  it("db:backup refuses an embedded database the app is using", async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, "locked-"));
    fs.mkdirSync(path.join(dataDir, "pgdata"));
    fs.writeFileSync(path.join(dataDir, "pgdata", "PG_VERSION"), "17\n");
    fs.writeFileSync(path.join(dataDir, "registry.lock"), String(process.pid));
    const r = await runTsx("scripts/db-backup.ts", ["--out", path.join(dir, "locked.jsonl.gz")], { DATABASE_URL: "", DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.output).toContain("请先停止应用");
    expect(r.output).toContain(`pid ${process.pid}`);
    expect(fs.existsSync(path.join(dir, "locked.jsonl.gz"))).toBe(false);
  });
});
