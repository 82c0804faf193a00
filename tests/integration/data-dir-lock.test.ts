import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockFilePath } from "@/lib/db/data-dir-lock";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { tempDir } from "../support/fixtures/migration-target";

/**
 * PGlite is single-process: a second process opening the same DATA_DIR must stop with a clear
 * message naming the owner, and lose nothing. (Embedded engine only, whatever TEST_DATABASE_URL says.)
 */
const root = process.cwd();
let dir: string;
let child: ChildProcessWithoutNullStreams;
let childPid: number;
let childOutput = "";

function startHolder(dataDir: string): Promise<number> {
  child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "tests/support/fixtures/hold-data-dir.ts")], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (b) => {
      childOutput += b;
      const m = /READY (\d+)/.exec(childOutput);
      if (m) resolve(Number(m[1]));
    });
    child.stderr.on("data", (b) => (childOutput += b));
    child.on("exit", (code) => reject(new Error(`holder exited early (${code}):\n${childOutput}`)));
  });
}

function stopHolder(): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.removeAllListeners("exit");
    child.on("exit", (code) => resolve(code));
    child.stdin.end("exit\n");
  });
}

beforeAll(async () => {
  dir = tempDir("registry-lock-");
  childPid = await startHolder(dir);
});

afterAll(async () => {
  if (child && child.exitCode === null) await stopHolder();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readProbe(dataDir: string) {
  const engine = openEngine({ kind: "pglite", dataDir });
  const client = new PrismaClient({ adapter: engine.factory });
  try {
    return await client.$queryRawUnsafe<Array<{ pid: number; note: string }>>(`SELECT pid, note FROM lock_probe ORDER BY pid`);
  } finally {
    await client.$disconnect();
    await engine.close();
  }
}

describe("the embedded database's data-directory lock", () => {
  it("refuses a second process, naming the owner's pid", () => {
    expect(childPid).not.toBe(process.pid);
    expect(fs.readFileSync(lockFilePath(dir), "utf8").trim()).toBe(String(childPid));
    let caught: unknown;
    try {
      openEngine({ kind: "pglite", dataDir: dir });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as DataDirLockedError).pid).toBe(childPid);
    expect((caught as Error).message).toContain(`pid ${childPid}`);
    expect((caught as Error).message).toContain(dir);
    // The refusal did not touch the owner's lock.
    expect(fs.readFileSync(lockFilePath(dir), "utf8").trim()).toBe(String(childPid));
  });

  it("keeps the owner's data, and opens again once the owner has exited", async () => {
    expect(await stopHolder()).toBe(0);
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
    expect(await readProbe(dir)).toEqual([{ pid: childPid, note: "written by the child" }]);
    // Closing released this process's lock too.
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
  });

  it("takes over a stale lock left by a process that died", async () => {
    // The holder has exited: its pid is dead.
    expect(() => process.kill(childPid, 0)).toThrow();
    fs.writeFileSync(lockFilePath(dir), String(childPid));
    expect(await readProbe(dir)).toHaveLength(1);
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
  });
});
