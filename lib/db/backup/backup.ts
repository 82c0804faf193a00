import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import type { OpenEngine } from "../engines";
import { readMigrations, readSequences, readTables, serverVersion } from "./catalog";
import { dumpTable } from "./dump";
import { BackupError } from "./errors";
import { FORMAT, FORMAT_VERSION, type BackupHeader, type BackupTrailer, type TableSummary } from "./format";
import { inTransaction } from "./session";

export type Progress = (event: { table: string; rows: number; ms: number }) => void;

export type BackupResult = { file: string; bytes: number; header: BackupHeader; trailer: BackupTrailer };

/**
 * Writes the whole database to `file` from one REPEATABLE READ, read-only snapshot (consistent
 * while the app keeps running on PostgreSQL). Written to "<file>.partial" with mode 0600 (the
 * file holds password hashes and signing keys) and renamed only when complete.
 */
export async function createBackup(engine: Pick<OpenEngine, "factory" | "target">, file: string, onProgress?: Progress): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 3 });
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve).on("error", reject);
    gzip.on("error", reject);
  });
  finished.catch(() => {}); // awaited below
  gzip.pipe(out);
  const write = async (text: string) => {
    if (!gzip.write(`${text}\n`)) await once(gzip, "drain");
  };
  try {
    const { header, trailer } = await inTransaction(engine, "read-only snapshot", async (sql) => {
      const migrations = await readMigrations(sql);
      if (!migrations)
        throw new BackupError(
          "数据库尚未迁移（没有 _prisma_migrations），无法备份。请先运行 npm run db:deploy。",
          "The database has no _prisma_migrations table: it is not a migrated registry database (run npm run db:deploy).",
        );
      if (migrations.unfinished.length) {
        throw new BackupError(
          `数据库有未完成的迁移：${migrations.unfinished.join(", ")}。请先用 npm run db:status 查明并修复。`,
          `The database has unfinished migrations (${migrations.unfinished.join(", ")}); see npm run db:status and fix them first.`,
        );
      }
      const header: BackupHeader = {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        engine: { kind: engine.target.kind, serverVersion: await serverVersion(sql) },
        migrations: migrations.applied,
        tables: await readTables(sql),
      };
      const headerLine = JSON.stringify(header);
      await write(headerLine);
      const tables: TableSummary[] = [];
      for (const table of header.tables) {
        const started = performance.now();
        await write(JSON.stringify({ table: table.name }));
        const summary = await dumpTable(sql, table, (lines) => write(lines.join("\n")));
        tables.push(summary);
        onProgress?.({ table: table.name, rows: summary.rows, ms: performance.now() - started });
      }
      const trailer: BackupTrailer = {
        headerSha256: createHash("sha256").update(headerLine).digest("hex"),
        finishedAt: new Date().toISOString(),
        tables,
        sequences: await readSequences(sql),
      };
      await write(JSON.stringify({ end: trailer }));
      return { header, trailer };
    });
    gzip.end();
    await finished;
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, header, trailer };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
