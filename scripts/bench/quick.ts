/**
 * A quick before/after measurement for performance work (not the full `npm run bench`):
 *   BENCH_DATABASE_URL=… NEXT_DIST_DIR=.next-x npx tsx scripts/bench/quick.ts \
 *     [--routes static,health,search,school,progress,home,not-found,console,console-ministry,console-shell] [--seconds 8] [--connections 64]
 *     [--port 3495] [--alone-paths] [--profile /tmp/prof] [--heap-snapshot /tmp/heap] [--env KEY=VALUE]… [--node-arg --trace-gc]… [--server-log file]
 * One server (the existing build in NEXT_DIST_DIR), a warm-up, then each route in turn; prints
 * req/s, p50/p95/p99, the share of the static asset's req/s, the load average and the peak RSS.
 * --profile writes V8 CPU profiles of the server process (node --cpu-prof) into that folder;
 * read them with scripts/bench/profile-top.ts. After the load, each route's paths are also asked one at a
 * time, three rounds ("alone": the latency of a request without company). --heap-snapshot <dir> writes a V8 heap snapshot of the
 * server after the measurements (read it with scripts/bench/heap-top.ts).
 */
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { BROWSER_HEADERS, measure, type RouteResult, type RouteSpec } from "./measure";
import { drawSamples } from "./samples";
import { startServer } from "./server";
import { signIn, staticAsset } from "./session";
import { benchDatabaseUrl } from "./target";
import { deployedProcessEnv } from "./deployed-node";

const argv = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : d;
};
const nodeArgs = argv.flatMap((a, i) => (a === "--node-arg" ? [argv[i + 1]] : []));
const extraEnv = Object.fromEntries(argv.flatMap((a, i) => (a === "--env" ? [argv[i + 1].split(/=(.*)/s).slice(0, 2) as [string, string]] : [])));

/** CPU time (user + system, ms) used so far by a process and its children that are still running. */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(d) === pid || Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // ended meanwhile
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function main() {
  const url = benchDatabaseUrl();
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const routes = opt("routes", "static,health,search,school,progress").split(",");
  const seconds = Number(opt("seconds", "8"));
  const connections = Number(opt("connections", "64"));
  const profile = opt("profile", "");
  const heapSnapshot = opt("heap-snapshot", "");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const samples = await drawSamples(pool);
  await pool.end();
  const processEnv = deployedProcessEnv();
  const server = await startServer({
    port: Number(opt("port", "3495")),
    distDir,
    nodeArgs: [
      ...nodeArgs,
      ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []),
      ...(heapSnapshot ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${heapSnapshot}`] : []),
    ],
    env: {
      ...processEnv,
      DATABASE_URL: url,
      DATABASE_REPLICA_URL: "",
      AUTH_SECRET: process.env.AUTH_SECRET || "benchmark-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      DEMO_SEED: "1",
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      ...extraEnv,
    },
  });
  try {
    const specs: Record<string, () => Promise<RouteSpec>> = {
      static: async () => ({ name: "static", paths: [staticAsset(distDir).path] }),
      health: async () => ({ name: "health", paths: ["/api/health"] }),
      search: async () => ({ name: "search", paths: samples.search }),
      school: async () => ({ name: "school", paths: samples.schools }),
      progress: async () => ({ name: "progress", paths: ["/api/v1/progress"] }),
      // Pages asked directly (no nginx, so no micro-cache): the framework's floor for a rendered page.
      home: async () => ({ name: "home", paths: ["/"], headers: BROWSER_HEADERS }),
      "not-found": async () => ({ name: "not-found", paths: ["/no-such-page"], headers: BROWSER_HEADERS }),
      console: async () => ({ name: "console", paths: samples.console, headers: { cookie: await signIn(server.base, "gd-officer", "Officer#2026demo") } }),
      // A light console page (the signed-in shell and a short list): the floor under the school list.
      "console-shell": async () => ({
        name: "console-shell",
        paths: ["/console/notifications"],
        headers: { cookie: await signIn(server.base, "gd-officer", "Officer#2026demo") },
      }),
      // The ministry sees every authority: the list's whole-table counts and orders (issue 15).
      "console-ministry": async () => ({
        name: "console-ministry",
        paths: samples.console,
        headers: { cookie: await signIn(server.base, "ministry", "Ministry#2026demo") },
      }),
    };
    const list = await Promise.all(routes.map((r) => specs[r]()));
    for (const spec of list) {
      for (const p of spec.paths.slice(0, 400)) await fetch(server.base + p, { headers: spec.headers }).then((r) => r.arrayBuffer());
      await measure(server.base, spec, { connections: 16, seconds: 2 });
    }
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
    const out: (RouteResult & { cpuPerReq: number })[] = [];
    for (const spec of list) {
      const before = cpuMs(server.child.pid!);
      const r = await measure(server.base, spec, { connections, seconds });
      out.push({ ...r, cpuPerReq: (cpuMs(server.child.pid!) - before) / Math.max(1, r.requests) });
    }
    const st = out.find((r) => r.name === "static")?.rps;
    console.log(
      `load before: ${load}; after: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}; ${connections} connections, ${seconds} s`,
    );
    for (const r of out) {
      const share = st ? ` ${((100 * r.rps) / st).toFixed(0)}%` : "";
      console.log(
        `${r.name.padEnd(9)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}  non2xx ${r.non2xx}  server CPU ${r.cpuPerReq.toFixed(2)} ms/req${share}`,
      );
    }
    // Requests the load generator gave up on may still be running: let them drain first.
    await new Promise((r) => setTimeout(r, 5000));
    for (const spec of list) {
      await fetch(server.base + spec.paths[0], { headers: spec.headers }).then((r) => r.arrayBuffer());
      const byPath = new Map<string, number[]>();
      for (let round = 0; round < 3; round++) {
        for (const p of spec.paths.slice(0, 20)) {
          const t0 = performance.now();
          await fetch(server.base + p, { headers: spec.headers }).then((r) => r.arrayBuffer());
          byPath.set(p, [...(byPath.get(p) ?? []), performance.now() - t0]);
        }
      }
      const times = [...byPath.values()].flat().sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
      console.log(`${spec.name.padEnd(9)} alone: p50 ${at(0.5)} ms  max ${at(1)} ms  (${times.length} requests one at a time)`);
      if (argv.includes("--alone-paths")) for (const [p, t] of byPath) console.log(`  ${t.map((x) => x.toFixed(0).padStart(5)).join(" ")} ms  ${p}`);
    }
    console.log(`peak RSS ${server.peakRssMb()} MB`);
    const logFile = opt("server-log", "");
    if (logFile) fs.writeFileSync(logFile, server.log());
    if (heapSnapshot) {
      // Written by the server process itself (--heapsnapshot-signal); read it with scripts/bench/heap-top.ts.
      server.child.kill("SIGUSR2");
      // Wait until the file stops growing (a big heap takes a while under load).
      let last = -1;
      for (let i = 0; i < 120; i++) {
        await new Promise((r) => setTimeout(r, 2000));
        const files = fs.readdirSync(heapSnapshot).filter((f) => f.endsWith(".heapsnapshot"));
        const size = files.reduce((n, f) => n + fs.statSync(`${heapSnapshot}/${f}`).size, 0);
        if (size > 0 && size === last) break;
        last = size;
      }
    }
  } finally {
    // SIGINT lets `node --cpu-prof` write its profile before the process ends.
    if (profile) {
      server.child.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 3000));
    }
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
