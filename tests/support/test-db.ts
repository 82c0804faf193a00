import { afterAll, beforeAll } from "vitest";
import { disconnect, setDbClient } from "@/lib/db/client";
import { openEngine, type OpenEngine } from "@/lib/db/engines";
import { flushRateLimitCounts } from "@/lib/opendata/rate-limit/limit";
import { PrismaClient } from "@/lib/db/generated/client";
import { createScratchDatabase, migrationSql } from "../../scripts/scratch-database.mjs";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when TEST_DATABASE_URL
 * is set — a new PostgreSQL database created for the file and dropped afterwards.
 * The app's data layer (db()) is pointed at it.
 */
export type TestDb = { client: PrismaClient; engine: OpenEngine; engineKind: "pglite" | "postgres"; close: () => Promise<void> };

export { migrationSql };

export function adminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** A new PostgreSQL database for one test file (or one test), dropped by `drop`. */
export const createPgDatabase = (base: string): Promise<{ url: string; drop: () => Promise<void> }> => createScratchDatabase(base, "t");

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
      // Deferred rate-limit counts are written within FLUSH_MS of a request: written now, or a
      // timer firing after disconnect() would open a fresh default database (a flaky file error).
      await flushRateLimitCounts();
      await disconnect();
      await drop();
    },
  };
}

/**
 * This test file's database: opened (and seeded) before its tests, ahead of the file's own
 * beforeAll which may add rows, and closed after them. Read it as `t.client` inside hooks and tests.
 */
export function fileTestDb(seed: (client: PrismaClient) => Promise<unknown> = async () => {}): TestDb {
  let opened: TestDb | undefined;
  beforeAll(async () => {
    opened = await openTestDb();
    await seed(opened.client);
  });
  afterAll(async () => opened?.close());
  const current = () => {
    if (!opened) throw new Error("the test database is opened in beforeAll");
    return opened;
  };
  return {
    get client() {
      return current().client;
    },
    get engine() {
      return current().engine;
    },
    get engineKind() {
      return current().engineKind;
    },
    close: () => current().close(),
  };
}
