import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { localCommand, readEnvFile, readUnit } from "./units";

/**
 * App nodes and the release step, run from deploy/systemd's units: the unit's ExecStart with its
 * Environment= lines and an environment file in the unit's format, in the repository (the unit's
 * WorkingDirectory on a server). NEXT_DIST_DIR picks the build (on a server: the release folder).
 */
export const ROOT = path.resolve(import.meta.dirname, "../../..");

export type AppNode = {
  port: number;
  base: string;
  child: ChildProcess;
  distDir: string;
  /** SIGTERM (what `systemctl stop` sends) and wait; "kill" sends SIGKILL (a crash). */
  stop: (how?: "term" | "kill") => Promise<void>;
  output: () => string;
};

/** Only what systemd would give the service (plus PATH and HOME), not the test's own environment. */
function unitEnv(unit: ReturnType<typeof readUnit>, envFile: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/root",
    ...unit.environment,
    ...readEnvFile(envFile),
    ...extra,
  };
  return env as unknown as NodeJS.ProcessEnv;
}

/** registry-release.service: `npm run db:deploy` against the primary. */
export async function runRelease(envFile: string, distDir: string): Promise<string> {
  const unit = readUnit("registry-release.service");
  const [cmd, args] = localCommand(unit.execStart);
  const child = spawn(cmd, args, { cwd: ROOT, env: unitEnv(unit, envFile, { NEXT_DIST_DIR: distDir }), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`registry-release.service failed (${code}):\n${output}`);
  return output;
}

export async function waitHealthy(base: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${base} did not answer /api/health in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * registry-node@<port>.service, from the build in `distDir`; resolves once /api/health answers 200.
 * Each node gets a DATA_DIR of its own (`dataDir`), as separate machines have: nothing a node
 * stores on its disk can be seen by the other.
 */
export async function startNode(port: number, envFile: string, distDir: string, dataDir: string): Promise<AppNode> {
  const unit = readUnit("registry-node@.service", String(port));
  const [cmd, args] = localCommand(unit.execStart);
  const env = unitEnv(unit, envFile, { NEXT_DIST_DIR: distDir, DATA_DIR: dataDir });
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const node: AppNode = {
    port,
    base,
    child,
    distDir,
    output: () => output,
    stop: async (how = "term") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(how === "kill" ? "SIGKILL" : "SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await Promise.race([
      waitHealthy(base),
      exited.then(() => {
        throw new Error(`node ${port} exited:\n${output}`);
      }),
    ]);
  } catch (e) {
    await node.stop("kill");
    throw e;
  }
  return node;
}
