/**
 * npm run bench [-- --rebuild] [-- --seconds 10] [-- --connections 64] [-- --skip-import]
 *
 * Measures the production build against the benchmark database (BENCH_DATABASE_URL, filled by
 * `npm run bench:data -- --scale 100`) with autocannon over loopback, in one run:
 *   A. as deployed: the public search API (a mix of name, pinyin and filter queries), school
 *      pages, /api/v1/progress, the console school list (signed in) and a static asset of the same
 *      server (the ceiling); the open-data rate limit raised (it still counts every request);
 *   B. the search API again with the rate limit off (its cost);
 *   C. search, school page and progress with the public-read cache off (the database's cost);
 * plus the 10,000-row .xlsx import (scripts/bench-import.ts: dry run + commit) and the server's
 * peak memory. Writes the results into docs/benchmarks.md (between its markers).
 * The build is reused when NEXT_DIST_DIR (default .next) holds one; --rebuild builds again.
 * --topology measures through nginx with two nodes instead (scripts/bench/topology.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { measure, type RouteResult, type RouteSpec } from "./bench/measure";
import { machine, renderReport, writeReport, type ImportTiming, type Report, type Run } from "./bench/report";
import { drawSamples } from "./bench/samples";
import { buildIfNeeded, startServer, type Server } from "./bench/server";
import { signIn, staticAsset } from "./bench/session";
import { benchDatabaseUrl } from "./bench/target";
import { runTopology } from "./bench/topology";

const argv = process.argv.slice(2);
const num = (name: string, d: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const SECONDS = num("seconds", 10);
const CONNECTIONS = num("connections", 64);
const PORT = num("port", 3110);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const log = (s: string) => console.log(s);

// As docs/deployment.md recommends: a heap cap makes V8 collect before the process grows past it.
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? "--max-old-space-size=256";

const baseEnv = (url: string): Record<string, string> => ({
  NODE_OPTIONS,
  DATABASE_URL: url,
  DATABASE_REPLICA_URL: "",
  AUTH_SECRET: process.env.AUTH_SECRET || "benchmark-secret-not-for-production",
  AUTH_TRUST_HOST: "true",
  DEMO_SEED: "1",
});

async function withServer<T>(env: Record<string, string>, fn: (s: Server) => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  const server = await startServer({ port: PORT, distDir, env });
  try {
    return { value: await fn(server), peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}

async function runRoutes(server: Server, specs: RouteSpec[]): Promise<RouteResult[]> {
  log(`  warming up (${specs.map((s) => s.name).join(", ")})…`);
  for (const spec of specs) {
    // Every distinct URL once, then a short burst: the JIT and the caches reach a steady state.
    for (const p of spec.paths.slice(0, 400)) await fetch(server.base + p, { headers: spec.headers }).then((r) => r.arrayBuffer());
    await measure(server.base, spec, { connections: 16, seconds: 3 });
  }
  const out: RouteResult[] = [];
  for (const spec of specs) {
    const r = await measure(server.base, spec, { connections: CONNECTIONS, seconds: SECONDS });
    log(`  ${spec.name.padEnd(28)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}`);
    out.push(r);
  }
  return out;
}

function timeImport(url: string): ImportTiming {
  const script = path.join("scripts", "bench-import.ts");
  if (!fs.existsSync(script)) return { error: "scripts/bench-import.ts is not in this checkout" };
  log("Import: scripts/bench-import.ts (10,000 rows, dry run + commit)…");
  const r = spawnSync(process.execPath, [path.join("node_modules/tsx/dist/cli.mjs"), script, "--rows", "10000", "--engine", "postgres", "--json"], {
    env: { ...process.env, BENCH_DATABASE_URL: url, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 600_000,
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) return { error: `exit ${r.status}: ${output.trim().split("\n").slice(-3).join(" ")}` };
  const json = (r.stdout ?? "")
    .split("\n")
    .reverse()
    .find((l) => l.trim().startsWith("{"));
  try {
    const j = JSON.parse(json ?? "") as { rows?: number; dryRunSeconds?: number; commitSeconds?: number; dryRunMs?: number; commitMs?: number };
    const dry = j.dryRunSeconds ?? (j.dryRunMs ?? NaN) / 1000;
    const commit = j.commitSeconds ?? (j.commitMs ?? NaN) / 1000;
    if (Number.isFinite(dry) && Number.isFinite(commit)) return { dryRunSeconds: dry, commitSeconds: commit, rows: j.rows ?? 10_000, output };
  } catch {
    // fall through
  }
  return { error: `could not read the timings from its output: ${output.trim().split("\n").slice(-3).join(" ")}` };
}

async function main() {
  const url = benchDatabaseUrl();
  if (argv.includes("--topology")) {
    buildIfNeeded(distDir, argv.includes("--rebuild"), log);
    return runTopology({ url, distDir, seconds: SECONDS, connections: CONNECTIONS, nodeOptions: NODE_OPTIONS, log });
  }
  const startedAt = new Date();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const version = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  const mach = machine(version.split(" ")[0]);
  log(`Machine: ${mach.cpu}, ${mach.cores} cores, load ${mach.loadBefore.map((x) => x.toFixed(2)).join(" ")}`);
  const data = (
    await pool.query(`SELECT (SELECT count(*) FROM "School")::int AS schools, (SELECT count(*) FROM "SchoolMajor")::int AS "school majors",
      (SELECT count(*) FROM "AuditEvent")::int AS "audit events", (SELECT count(*) FROM "Designation")::int AS designations,
      (SELECT count(*) FROM "SelectionApplication")::int AS "selection applications", pg_size_pretty(pg_database_size(current_database())) AS "database size"`)
  ).rows[0];
  const samples = await drawSamples(pool);
  await pool.end();

  buildIfNeeded(distDir, argv.includes("--rebuild"), log);
  const asset = staticAsset(distDir);
  const env = baseEnv(url);
  const runs: Run[] = [];

  log("Run A: as deployed (public-read cache on, rate limit raised)…");
  const a = await withServer({ ...env, API_RATE_LIMIT_PER_MINUTE: "1000000" }, async (server) => {
    const cookie = await signIn(server.base, "gd-officer", "Officer#2026demo");
    return runRoutes(server, [
      { name: "static asset", paths: [asset.path] },
      // Next's own floor for a dynamic route handler that makes one database round trip.
      { name: "health /api/health (floor)", paths: ["/api/health"] },
      { name: "search API /api/v1/schools", paths: samples.search },
      { name: "school page /schools/<id>", paths: samples.schools },
      { name: "progress /api/v1/progress", paths: ["/api/v1/progress"] },
      { name: "console list /console/schools", paths: samples.console, headers: { cookie } },
    ]);
  });
  runs.push({
    title: "A. As deployed",
    note: `Public-read cache on (PUBLIC_CACHE_MB unset: an eighth of the heap limit, at most 64 MB), open-data rate limit raised to 1,000,000/min — it still counts every request (in batches: one write per client per 250 ms, decision 0042). ${samples.search.length} distinct search URLs, ${samples.schools.length} school pages, ${samples.console.length} console list pages (signed in as gd-officer: one authority).`,
    results: a.value,
  });

  log("Run B: search API with the rate limit off…");
  const b = await withServer({ ...env, API_RATE_LIMIT_PER_MINUTE: "0" }, (server) =>
    runRoutes(server, [{ name: "search API /api/v1/schools", paths: samples.search }]),
  );
  runs.push({ title: "B. Rate limit off", note: "API_RATE_LIMIT_PER_MINUTE=0: the difference to run A is the cost of counting requests.", results: b.value });

  log("Run C: cache off…");
  const c = await withServer({ ...env, API_RATE_LIMIT_PER_MINUTE: "0", PUBLIC_CACHE_MB: "0" }, (server) =>
    runRoutes(server, [
      { name: "search API /api/v1/schools", paths: samples.search },
      { name: "school page /schools/<id>", paths: samples.schools },
      { name: "progress /api/v1/progress", paths: ["/api/v1/progress"] },
    ]),
  );
  runs.push({
    title: "C. Public-read cache off",
    note: "PUBLIC_CACHE_MB=0, rate limit off: every request queries PostgreSQL (what a cold cache, or a change every moment, costs).",
    results: c.value,
  });

  const importTiming = argv.includes("--skip-import") ? null : timeImport(url);
  mach.loadAfter = os.loadavg();
  const buildId = fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const report: Report = {
    startedAt,
    machine: mach,
    data,
    build: `next start from ${distDir}/ (BUILD_ID ${buildId}), NODE_OPTIONS="${NODE_OPTIONS}"`,
    staticAsset: asset,
    runs,
    peakRssMb: a.peakRssMb,
    importTiming,
    settings: { connections: CONNECTIONS, seconds: SECONDS },
  };
  const file = path.join("docs", "benchmarks.md");
  writeReport(file, renderReport(report), "# Benchmarks\n\nRun them with `npm run bench:data -- --scale 100` then `npm run bench` (see scripts/bench.ts).\n\n");
  fs.writeFileSync(path.join(os.tmpdir(), "bench-last.json"), JSON.stringify(report, null, 2));
  log(`Peak RSS ${a.peakRssMb} MB. Wrote ${file}.`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
