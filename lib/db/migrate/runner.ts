import fs from "node:fs";
import type { OpenEngine } from "../engines";
import { openSchemaEngine, type EngineHandle } from "./wasm-engine";
import { LOCKFILE_CONTENT, readMigrationsList, writeMigration, type Paths } from "./migrations-folder";

const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

async function withEngine<T>(engine: Pick<OpenEngine, "factory" | "exec">, paths: Paths, fn: (h: EngineHandle) => Promise<T>) {
  const schema = { path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") };
  const handle = await openSchemaEngine(engine, schema);
  try {
    return await fn(handle);
  } finally {
    await handle.dispose();
  }
}

/** The SQL that would bring the migrations folder up to schema.prisma, or null when they agree. */
export async function pendingSchemaChange(engine: Pick<OpenEngine, "factory" | "exec">, paths: Paths) {
  return withEngine(engine, paths, async ({ engine: se }) => {
    const list = readMigrationsList(paths.migrationsDir);
    list.lockfile.content ??= LOCKFILE_CONTENT;
    const result = await se.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") }] },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 0 ? null : (result.stdout ?? "");
  });
}

/** `db:migrate --name x`: writes a new migration from the schema changes, if there are any. */
export async function createMigration(engine: Pick<OpenEngine, "factory" | "exec">, paths: Paths, name: string) {
  const sql = await pendingSchemaChange(engine, paths);
  if (sql === null || sql.trim() === "" || /^-- This is an empty migration/.test(sql.trim())) return null;
  return writeMigration(paths.migrationsDir, name, sql);
}

export type Status = {
  applied: number;
  pending: string[];
  failed: string[];
  edited: string[];
  notInFolder: string[];
  hasMigrationsTable: boolean;
};

export async function migrationStatus(engine: Pick<OpenEngine, "factory" | "exec">, paths: Paths): Promise<Status> {
  return withEngine(engine, paths, async ({ engine: se }) => {
    const list = readMigrationsList(paths.migrationsDir);
    const d = await se.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters });
    const h = d.history;
    const pending = h?.diagnostic === "databaseIsBehind" || h?.diagnostic === "historiesDiverge" ? h.unappliedMigrationNames : [];
    const notInFolder = h?.diagnostic === "migrationsDirectoryIsBehind" || h?.diagnostic === "historiesDiverge" ? h.unpersistedMigrationNames : [];
    return {
      applied: list.migrationDirectories.length - pending.length,
      pending,
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
      notInFolder,
      hasMigrationsTable: d.hasMigrationsTable,
    };
  });
}

export class MigrationError extends Error {}

/** `db:deploy`: applies pending migrations in order, recording each in _prisma_migrations. */
export async function deployMigrations(engine: Pick<OpenEngine, "factory" | "exec">, paths: Paths): Promise<string[]> {
  return withEngine(engine, paths, async ({ engine: se }) => {
    const list = readMigrationsList(paths.migrationsDir);
    try {
      const out = await se.applyMigrations({ migrationsList: list, filters });
      return out.appliedMigrationNames;
    } catch (e) {
      throw new MigrationError(explain(e));
    }
  });
}

function explain(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // The wasm engine's errors carry Prisma's code (P3009…) as a property, not in the message.
  const code = (e as { code?: unknown } | null)?.code;
  let message = typeof code === "string" && code && !raw.includes(code) ? `${code} ${raw}` : raw;
  try {
    const parsed = JSON.parse(raw) as { message?: string; error_code?: string };
    message = parsed.message ? `${parsed.error_code ?? ""} ${parsed.message}`.trim() : message;
  } catch {
    // not JSON
  }
  if (message.includes("P3009")) {
    message +=
      "\n\nA failed migration blocks further deploys. Undo whatever it left behind, mark it rolled back " +
      "(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '…'), fix it, and deploy " +
      "again; `npm run db:status` shows the state. See docs/decisions/0002-offline-migrations.md.";
  }
  return message;
}
