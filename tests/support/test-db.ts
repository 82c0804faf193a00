import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { disconnect, setDbClient } from "@/lib/db/client";
import { openEngine, type OpenEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when TEST_DATABASE_URL
 * is set — a new PostgreSQL database created for the file and dropped afterwards.
 * The app's data layer (db()) is pointed at it.
 */
export type TestDb = { client: PrismaClient; engine: OpenEngine; engineKind: "pglite" | "postgres"; close: () => Promise<void> };

const migrationsDir = path.join(process.cwd(), "prisma/migrations");

export function migrationSql(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((n) => fs.readFileSync(path.join(migrationsDir, n, "migration.sql"), "utf8"));
}

export function adminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export async function createPgDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function openTestDb(): Promise<TestDb> {
  const base = adminUrl();
  let engine: OpenEngine;
  let drop = async () => {};
  if (base) {
    const created = await createPgDatabase(base);
    drop = created.drop;
    engine = openEngine({ kind: "postgres", url: created.url });
  } else {
    engine = openEngine({ kind: "pglite", dataDir: "memory://" });
  }
  // The same SQL the migration runner applies (its own tests cover the runner itself).
  for (const sql of migrationSql()) await engine.exec(sql);
  const client = new PrismaClient({ adapter: engine.factory });
  setDbClient(client, engine);
  return {
    client,
    engine,
    engineKind: base ? "postgres" : "pglite",
    close: async () => {
      await disconnect();
      await drop();
    },
  };
}
