import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileBytes } from "@/lib/files/data";
import { importDiskFiles } from "@/lib/files/disk-import/mutations";
import { runDbScript } from "../support/fixtures/run-script";
import { openTestDb, type TestDb } from "../support/test-db";
import { S, seedSelectionFixtures } from "./selection-fixtures";

/**
 * The upgrade step of issue 14 (decision 0070, run by `db:deploy`): attachments and releases an
 * older version kept under DATA_DIR are moved into the database, checked against their rows'
 * sha256, and removed from disk; a second run does nothing; files no row names and files whose
 * bytes disagree with their row are left in place and reported, never deleted.
 */
let t: TestDb;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "disk-import-"));
const att = path.join(dataDir, "attachments");
const rel = path.join(dataDir, "releases");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const pdf = (seed: string, size = 300 * 1024) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${seed}\n`), Buffer.alloc(size, seed)]);
const [shared, single, orphan] = [pdf("shared"), pdf("single", 10), pdf("orphan", 10)];
const damaged = { row: pdf("as recorded", 10), disk: pdf("changed on disk", 10) };
const csv = Buffer.from("\uFEFFid,nameZh\r\n1,广州技师学院\r\n");
const manifest = Buffer.from('{"release":"2026-01-05-1"}\n');
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
  const batch = await t.client.selectionBatch.create({
    data: {
      year: 2026,
      nameZh: "迁移测试批次",
      kind: "SCHOOL",
      status: "APPLYING",
      targetCount: 5,
      eligibleTiers: ["TECHNICIAN_COLLEGE"],
      eligibleStatuses: ["OPERATING"],
      defaultQuota: 2,
      windowOpensAt: new Date("2026-01-01T00:00:00Z"),
      windowClosesAt: new Date("2026-12-01T00:00:00Z"),
    },
  });
  const app = await t.client.selectionApplication.create({ data: { batchId: batch.id, schoolId: S.gd1, authorityId: "guangdong", status: "DRAFT" } });
  for (const [key, bytes] of [
    ["a1", shared],
    ["a2", shared],
    ["single", single],
    ["damaged", damaged.row],
  ] as const) {
    const row = { applicationId: app.id, fileName: `${key}.pdf`, sizeBytes: bytes.length, sha256: sha(bytes) };
    ids[key] = (await t.client.selectionAttachment.create({ data: row })).id;
  }
  fs.mkdirSync(att);
  for (const bytes of [shared, single, orphan]) fs.writeFileSync(path.join(att, `${sha(bytes)}.pdf`), bytes);
  fs.writeFileSync(path.join(att, `${sha(damaged.row)}.pdf`), damaged.disk);
  const files = [
    { name: "schools.csv", bytes: csv.length, sha256: sha(csv) },
    { name: "manifest.json", bytes: manifest.length, sha256: sha(manifest) },
  ];
  await t.client.openDataRelease.create({
    data: {
      slug: "2026-01-05-1",
      releaseDate: new Date("2026-01-05"),
      sequence: 1,
      schemaVersion: "1.0",
      generatedAt: new Date(),
      counts: {},
      files,
      changeSummary: {},
    },
  });
  fs.mkdirSync(path.join(rel, "2026-01-05-1"), { recursive: true });
  fs.writeFileSync(path.join(rel, "2026-01-05-1", "schools.csv"), csv);
  fs.writeFileSync(path.join(rel, "2026-01-05-1", "manifest.json"), manifest);
  fs.mkdirSync(path.join(rel, ".staging-1-abcd"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const bytesOf = async (fileId: string | null) => Buffer.from((await readFileBytes(fileId!))!);

describe("moving DATA_DIR files into the database on upgrade", () => {
  it("stores every named file, checked by its hash, and removes it from disk", async () => {
    const r = await importDiskFiles(dataDir);
    expect(r).toMatchObject({ attachments: 2, releases: 1, removed: 0 });
    for (const [key, bytes] of [
      ["a1", shared],
      ["a2", shared],
      ["single", single],
    ] as const) {
      const row = await t.client.selectionAttachment.findUniqueOrThrow({ where: { id: ids[key] } });
      expect((await bytesOf(row.fileId)).equals(bytes), key).toBe(true);
    }
    const release = await t.client.openDataReleaseFile.findMany({ where: { release: { slug: "2026-01-05-1" } }, orderBy: { name: "asc" } });
    expect(release.map((f) => f.name)).toEqual(["manifest.json", "schools.csv"]);
    expect((await bytesOf(release[1].fileId)).equals(csv)).toBe(true);
    expect(fs.existsSync(path.join(rel, "2026-01-05-1"))).toBe(false);
    expect(fs.existsSync(path.join(att, `${sha(shared)}.pdf`))).toBe(false);
  });

  it("leaves a file whose bytes disagree with its row, and files no row names, and says so", async () => {
    const row = await t.client.selectionAttachment.findUniqueOrThrow({ where: { id: ids.damaged } });
    expect(row.fileId).toBeNull();
    const r = await importDiskFiles(dataDir);
    expect(r.damaged).toEqual([path.join(att, `${sha(damaged.row)}.pdf`)]);
    expect(r.leftovers.sort()).toEqual([path.join(att, `${sha(orphan)}.pdf`), path.join(rel, ".staging-1-abcd")].sort());
    expect(fs.readdirSync(att).sort()).toEqual([`${sha(damaged.row)}.pdf`, `${sha(orphan)}.pdf`].sort());
  });

  it("is idempotent: a second run stores nothing again; a file moved before a crash is only removed", async () => {
    const files = await t.client.storedFile.count();
    fs.writeFileSync(path.join(att, `${sha(single)}.pdf`), single); // as if the last run died after its commit
    const r = await importDiskFiles(dataDir);
    expect(r).toMatchObject({ attachments: 0, releases: 0, removed: 1 });
    expect(await t.client.storedFile.count()).toBe(files);
    expect(fs.existsSync(path.join(att, `${sha(single)}.pdf`))).toBe(false);
  });

  it.skipIf(!!process.env.TEST_DATABASE_URL)(
    "runs with db:deploy, and an emptied folder is removed (DATA_DIR then holds only the database)",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "disk-import-deploy-"));
      try {
        fs.mkdirSync(path.join(dir, "attachments"));
        fs.writeFileSync(path.join(dir, "attachments", `${sha(orphan)}.pdf`), orphan);
        fs.mkdirSync(path.join(dir, "releases"));
        const out = await runDbScript(["deploy"], { DATA_DIR: dir, DATABASE_URL: "" });
        expect(out.output).toContain(`Left in place, named by no row of this database (remove it by hand once sure): ${path.join(dir, "attachments")}`);
        expect(out.code).toBe(0);
        expect(fs.readdirSync(dir).sort()).toEqual(["attachments", "pgdata"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
