import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "@/lib/db/backup/backup";
import { restoreBackup } from "@/lib/db/backup/restore";
import { openEngine, type OpenEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { defaultPaths } from "@/lib/db/migrate/migrations-folder";
import { deployMigrations } from "@/lib/db/migrate/runner";
import { storeBytes } from "@/lib/files/mutations";
import { seedDemo } from "@/prisma/demo";
import { createPgDatabase } from "../support/test-db";

/**
 * Issue 14: evidence attachments and release files live in the database (lib/files), so a backup
 * carries them. A database with two attachments (one spanning several 256 KiB chunks, every byte
 * value) and a release is backed up on PGlite, restored into PostgreSQL, backed up there and
 * restored into PGlite again: every file comes back byte for byte, still named by its rows.
 * Without TEST_DATABASE_URL the round trip is PGlite → PGlite (CI's PostgreSQL pass runs both engines).
 */
type Db = { engine: OpenEngine; client: PrismaClient; close: () => Promise<void> };
const paths = defaultPaths();
const pgBase = process.env.TEST_DATABASE_URL || undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-backup-files-"));
const opened: Db[] = [];

async function blank(kind: "pglite" | "postgres"): Promise<Db> {
  const created = kind === "postgres" ? await createPgDatabase(pgBase!) : null;
  const engine = openEngine(created ? { kind: "postgres", url: created.url } : { kind: "pglite", dataDir: "memory://" });
  const client = new PrismaClient({ adapter: engine.factory });
  const db = { engine, client, close: async () => (await client.$disconnect(), await engine.close(), await created?.drop()) };
  opened.push(db);
  return db;
}

/** Every stored file with its bytes read back chunk by chunk, and which attachment or release file names it. */
async function storedFiles(client: PrismaClient) {
  const files = await client.storedFile.findMany({
    orderBy: { id: "asc" },
    select: { id: true, sizeBytes: true, sha256: true, attachments: { select: { fileName: true } }, releaseFiles: { select: { name: true } } },
  });
  const out = [];
  for (const f of files) {
    const chunks = await client.storedFileChunk.findMany({ where: { fileId: f.id }, orderBy: { seq: "asc" }, select: { data: true } });
    const bytes = Buffer.concat(chunks.map((c) => c.data));
    out.push({ ...f, chunks: chunks.length, read: { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") } });
  }
  return out;
}

const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256)), randomBytes(700 * 1024)]);
const small = Buffer.from("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n", "latin1");
const csv = Buffer.from("\uFEFFid,nameZh\r\n1,广州「技师」学院 🚀\r\n", "utf8");
let expected: Awaited<ReturnType<typeof storedFiles>>;
let source: Db;

beforeAll(async () => {
  source = await blank("pglite");
  await deployMigrations(source.engine, paths);
  await seedDemo(source.client, { now: new Date("2026-11-01T08:00:00Z") });
  const application = await source.client.selectionApplication.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  await source.client.$transaction(async (tx) => {
    for (const [fileName, bytes] of [
      ["证明材料.pdf", big],
      ["small.pdf", small],
    ] as const) {
      const f = await storeBytes(tx, bytes, "application/pdf");
      await tx.selectionAttachment.create({ data: { applicationId: application.id, fileName, sizeBytes: f.sizeBytes, sha256: f.sha256, fileId: f.id } });
    }
    const f = await storeBytes(tx, csv, "text/csv; charset=utf-8");
    await tx.openDataRelease.create({
      data: {
        slug: "2026-11-01-1",
        releaseDate: new Date("2026-11-01T00:00:00Z"),
        sequence: 1,
        schemaVersion: "1.0",
        generatedAt: new Date("2026-11-01T08:00:00Z"),
        counts: {},
        files: [{ name: "schools.csv", bytes: f.sizeBytes, sha256: f.sha256 }],
        changeSummary: {},
        stored: { create: [{ name: "schools.csv", fileId: f.id }] },
      },
    });
  });
  expected = await storedFiles(source.client);
}, 240_000);

afterAll(async () => {
  for (const db of opened.reverse()) await db.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("files in a backup", () => {
  it("the source holds them in 256 KiB chunks, each read back as written", () => {
    const bySha = new Map(expected.map((f) => [f.sha256, f]));
    for (const bytes of [big, small, csv]) {
      const f = bySha.get(createHash("sha256").update(bytes).digest("hex"))!;
      expect(f.read).toEqual({ size: bytes.length, sha256: f.sha256 });
      expect(f.chunks).toBe(Math.ceil(bytes.length / (256 * 1024)));
    }
    expect(Math.max(...expected.map((f) => f.chunks))).toBe(3); // the big PDF spans three chunks
  });

  it(`restore byte for byte on the other engine and back (${pgBase ? "PGlite → PostgreSQL → PGlite" : "PGlite → PGlite: set TEST_DATABASE_URL for PostgreSQL"})`, async () => {
    const first = await createBackup(source.engine, path.join(dir, "pglite.jsonl.gz"));
    const middle = await blank(pgBase ? "postgres" : "pglite");
    await restoreBackup(middle.engine, first.file, { paths });
    expect(await storedFiles(middle.client)).toEqual(expected);
    const second = await createBackup(middle.engine, path.join(dir, "middle.jsonl.gz"));
    expect(second.trailer.tables).toEqual(first.trailer.tables);
    const last = await blank("pglite");
    await restoreBackup(last.engine, second.file, { paths });
    const back = await storedFiles(last.client);
    expect(back).toEqual(expected);
    for (const f of back) expect(f.read.sha256).toBe(f.sha256);
  }, 240_000);
});
