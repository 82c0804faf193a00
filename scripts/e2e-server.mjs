#!/usr/bin/env node
/**
 * The server Playwright tests run against (playwright.config.ts → webServer):
 *   1. a FRESH database — a temp PGlite DATA_DIR, or, when E2E_DATABASE_URL is set, a new
 *      PostgreSQL database created from that URL;
 *   2. `db:deploy` and `db:seed` against it;
 *   3. `next start` on E2E_PORT (3300) with a throw-away AUTH_SECRET, on the existing build.
 * On SIGTERM/SIGINT (Playwright's graceful shutdown) it stops the server, then removes the
 * temp directory or drops the database. Nothing of a run is left behind.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase } from "./scratch-database.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const port = process.env.E2E_PORT || "3300";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const log = (msg) => console.log(`[e2e-server] ${msg}`);

let current = null; // the child process running now
let removeDatabase = async () => {};
let cleaned;
const cleanup = () => (cleaned ??= removeDatabase());
let stopping = false;

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    current = child;
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      current = null;
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function freshDatabase() {
  const base = process.env.E2E_DATABASE_URL;
  if (base) {
    const { name, url, drop } = await createScratchDatabase(base, "e2e");
    removeDatabase = async () => {
      await drop();
      log(`dropped database ${name}`);
    };
    log(`PostgreSQL database ${name}`);
    return { DATABASE_URL: url, DATA_DIR: "" };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-e2e-"));
  removeDatabase = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    log(`removed ${dir}`);
  };
  log(`PGlite data directory ${dir}`);
  return { DATABASE_URL: "", DATA_DIR: dir };
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  if (current) {
    const child = current;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
    await exited;
    clearTimeout(timer);
  }
  await cleanup().catch((e) => console.error(e));
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGHUP", () => void stop("SIGHUP"));

async function main() {
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}/: run \`npm run build\` first.`);
  }
  const db = await freshDatabase();
  const env = {
    ...process.env,
    ...db,
    NODE_ENV: "production",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    PORT: port,
    // Webhooks: the worker runs in the app, and the specs' receivers listen on loopback (tests/e2e/webhooks.spec.ts).
    WEBHOOK_WORKER: "1",
    WEBHOOK_POLL_SECONDS: "1",
    WEBHOOK_ALLOW_HTTP_LOOPBACK: "1",
  };
  const t = Date.now();
  await run(bin("tsx"), ["scripts/db.ts", "deploy"], env);
  await run(bin("tsx"), ["prisma/seed.ts"], env);
  log(`database ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (stopping) return;
  const server = spawn(bin("next"), ["start", "-p", port, "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
  current = server;
  server.on("exit", async (code, signal) => {
    current = null;
    if (stopping) return;
    log(`next start exited (${signal ?? code})`);
    await cleanup().catch((e) => console.error(e));
    process.exit(code ?? 1);
  });
  log(`next start -p ${port} launched`);
}

main().catch(async (e) => {
  if (stopping) return; // stop() is already cleaning up
  console.error(`[e2e-server] ${e instanceof Error ? e.message : e}`);
  await cleanup().catch(() => {});
  process.exit(1);
});
