import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * The production server under test: `next start` from a build in `distDir`, against the
 * benchmark database. Peak memory is read from /proc (VmHWM, the kernel's high-water mark of
 * resident memory) for the server process and anything it starts.
 */
export type Server = { base: string; child: ChildProcess; stop: () => Promise<void>; peakRssMb: () => number; log: () => string };

const nextBin = path.join(process.cwd(), "node_modules/next/dist/bin/next");

export function buildIfNeeded(distDir: string, force: boolean, log: (s: string) => void) {
  if (!force && fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    log(`Reusing the production build in ${distDir}/ (BUILD_ID ${fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim()}); --rebuild to build again.`);
    return;
  }
  log(`Building the app into ${distDir}/ (next build)…`);
  const started = performance.now();
  const r = spawnSyncInherit(process.execPath, [nextBin, "build"], { NEXT_DIST_DIR: distDir, NODE_ENV: "production" });
  if (r !== 0) throw new Error(`next build failed (exit ${r})`);
  log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

function spawnSyncInherit(cmd: string, args: string[], env: Record<string, string>): number | null {
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status;
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** A production build is there to start (else a test may fall back to `next dev`). */
export const hasBuild = (distDir: string) => fs.existsSync(path.join(distDir, "BUILD_ID"));

export async function startServer(opts: {
  port: number;
  distDir: string;
  env: Record<string, string>;
  /** `next start` (default) or `next dev` (no build needed; compiles on first request). */
  mode?: "start" | "dev";
  readyTimeoutMs?: number;
  /** Node flags for the server process (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
}): Promise<Server> {
  const base = `http://127.0.0.1:${opts.port}`;
  const mode = opts.mode ?? "start";
  let output = "";
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), nextBin, mode, "-p", String(opts.port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: mode === "dev" ? "development" : "production", NEXT_DIST_DIR: opts.distDir, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  // Peak per process, polled: a process that ends takes its high-water mark with it.
  const peaks = new Map<number, number>();
  const poll = setInterval(() => {
    for (const pid of descendants(child.pid!)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, vmHwmKb(pid)));
  }, 250);
  const stop = async () => {
    clearInterval(poll);
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      for (const pid of descendants(child.pid!).reverse()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next ${mode} exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next ${mode} did not answer /api/health in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    child,
    stop,
    peakRssMb: () => Math.round([...peaks.values()].reduce((a, b) => a + b, 0) / 1024),
    log: () => output,
  };
}
