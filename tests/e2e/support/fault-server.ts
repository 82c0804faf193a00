import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort, type PrivateCluster } from "./private-postgres";

/**
 * A second production server for the fault tests, on its own PostgreSQL cluster: a database
 * created in the cluster, migrations and demo seed applied, then `next start` on the existing
 * build (NEXT_DIST_DIR, as scripts/e2e-server.mjs) on a free port (E2E_FAULT_PORT to choose it).
 */
const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

export type FaultServer = { baseURL: string; databaseUrl: string; stop: () => Promise<void>; restart: () => Promise<void> };

export async function startFaultServer(cluster: PrivateCluster): Promise<FaultServer> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`No production build in ${distDir}/`);
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE registry`);
  await admin.end();
  const databaseUrl = cluster.url("registry");
  const port = Number(process.env.E2E_FAULT_PORT) || (await freePort());
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_REPLICA_URL: "",
    DATA_DIR: "",
    NODE_ENV: "production",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    PORT: String(port),
  } as NodeJS.ProcessEnv;
  for (const args of [["scripts/db.ts", "deploy"], ["prisma/seed.ts"]]) {
    const r = spawnSync(bin("tsx"), args, { cwd: root, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`tsx ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  }
  const baseURL = `http://127.0.0.1:${port}`;
  let server = await launch(port, env, baseURL);
  const stop = async () => {
    if (server.exitCode !== null || server.pid === undefined) return;
    const exited = new Promise((r) => server.once("exit", r));
    process.kill(-server.pid, "SIGTERM");
    const timer = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 8000);
    await exited;
    clearTimeout(timer);
  };
  return {
    baseURL,
    databaseUrl,
    stop,
    restart: async () => {
      await stop();
      server = await launch(port, env, baseURL);
    },
  };
}

/** `next start`, ready when it serves a file that needs no database (nothing opens the pool before the test does). */
async function launch(port: number, env: NodeJS.ProcessEnv, baseURL: string): Promise<ChildProcess> {
  const server: ChildProcess = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${log}`);
    const answered = await fetch(`${baseURL}/icon.svg`).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return server;
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
