import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it, vi } from "vitest";
import { systemScope } from "@/lib/auth/scope";
import { db, disconnect, setDbClient } from "@/lib/db/client";
import { openEngine, type EngineTarget } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { commitImport } from "@/lib/imports/mutations";
import { signInAs, testUsers } from "../support/session";
import { adminUrl, createPgDatabase, migrationSql } from "../support/test-db";
import { csvOf, schoolRow, upload, utf8 } from "./imports-fixtures";
import { seedSchoolReference } from "./schools-fixtures";
import { actorNamed, write } from "../support/write";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/**
 * Issue 6: an import killed mid-way leaves no rows behind. A child process confirms a 6,000-row
 * import through the real commit mutation and is SIGKILLed while the commit's transaction is open
 * (it has written the first thousand schools inside it: tests/support/import-kill-child.ts).
 * Reopened, the database has none of the import's schools, school changes or audit events, and
 * the job is still an unconfirmed dry run — confirming it again then writes every row.
 * PGlite (a DATA_DIR on disk) without TEST_DATABASE_URL; PostgreSQL (a fresh database) with it.
 */
const ROWS = 6000;
const officer = testUsers.gdOfficer;
const base = adminUrl();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await disconnect();
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function openAt(target: EngineTarget) {
  const engine = openEngine(target);
  const client = new PrismaClient({ adapter: engine.factory });
  setDbClient(client, engine);
  return client;
}

/** Migrations, reference rows and a dry-run import job of ROWS new schools; closes the database. */
async function prepare(target: EngineTarget): Promise<string> {
  const engine = openEngine(target);
  for (const sql of migrationSql()) await engine.exec(sql);
  const client = new PrismaClient({ adapter: engine.factory });
  setDbClient(client, engine);
  await seedSchoolReference(client);
  signInAs(officer);
  const rows = Array.from({ length: ROWS }, (_, i) => schoolRow(i));
  const res = await upload(utf8(csvOf(rows)), { name: "killed.csv" });
  if (res.phase !== "done") throw new Error(JSON.stringify(res.error));
  expect(res.summary.counts).toMatchObject({ create: ROWS, error: 0 });
  await disconnect();
  return res.jobId;
}

function startChild(jobId: string, dbEnv: Record<string, string>): ChildProcess {
  // node --import tsx (not the tsx CLI, which runs the script in a second process SIGKILL would miss).
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/import-kill-child.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...dbEnv, NODE_ENV: "production", JOB_ID: jobId, ACTOR_ID: officer.id, AUTHORITY_ID: officer.authorityId },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function waitForMarker(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`no IN_TRANSACTION within 90 s\n${out}\n${err}`)), 90_000);
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("IN_TRANSACTION")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (d) => (err += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before the marker\n${out}\n${err}`));
    });
  });
}

async function kill(child: ChildProcess) {
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once("exit", (_code, signal) => r(signal)));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

async function assertNothingWritten(jobId: string) {
  expect(await db().school.count()).toBe(0);
  expect(await db().schoolChange.count()).toBe(0);
  expect(await db().auditEvent.count({ where: { action: { in: ["school.create", "import.commit"] } } })).toBe(0);
  const job = await db().importJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, committedAt: true } });
  expect(job).toEqual({ status: "DRY_RUN", committedAt: null });
  // Not stuck: the same job confirms now, and writes every row (the counts above could have failed).
  const again = await write((ctx) => commitImport(ctx, jobId), {
    actor: actorNamed(officer.id, officer.username),
    scope: systemScope(officer.authorityId),
    source: "import",
  });
  expect(again).toMatchObject({ ok: true, data: { counts: { create: ROWS } } });
  expect(await db().school.count()).toBe(ROWS);
  expect(await db().auditEvent.count({ where: { action: "school.create", source: "import" } })).toBe(ROWS);
}

it.skipIf(!!base)(
  "PGlite: a commit killed inside its transaction leaves no rows, and the job can be confirmed again",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-killed-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const target: EngineTarget = { kind: "pglite", dataDir: dir };
    const jobId = await prepare(target);
    const child = startChild(jobId, { DATA_DIR: dir, DATABASE_URL: "" });
    await waitForMarker(child);
    await kill(child);
    // The dead child's lock file is stale; PGlite recovers the directory as PostgreSQL would.
    await openAt(target);
    await assertNothingWritten(jobId);
  },
  300_000,
);

it.skipIf(!base)(
  "PostgreSQL: a commit killed inside its transaction leaves no rows, and the job can be confirmed again",
  async () => {
    const created = await createPgDatabase(base!);
    cleanups.push(created.drop);
    const target: EngineTarget = { kind: "postgres", url: created.url };
    const jobId = await prepare(target);
    const child = startChild(jobId, { DATABASE_URL: created.url });
    await waitForMarker(child);
    const watcher = new pg.Client({ connectionString: created.url });
    await watcher.connect();
    cleanups.push(() => watcher.end());
    const open = `SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction' AND backend_xid IS NOT NULL`;
    // The server sees the child's transaction open, with writes (an xid), at the moment of the kill.
    expect((await watcher.query(open)).rows[0].n).toBe(1);
    await kill(child);
    // The server notices the closed connection and rolls the transaction back.
    for (let i = 0; i < 100 && (await watcher.query(open)).rows[0].n > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await watcher.query(open)).rows[0].n).toBe(0);
    await openAt(target);
    await assertNothingWritten(jobId);
  },
  300_000,
);
