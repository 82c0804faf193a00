/**
 * npm run bench [-- --rebuild] [-- --seconds 10] [-- --connections 64] [-- --skip-import] [-- --skip-topology] [-- --skip-lighthouse]
 *
 * Measures the production build against the benchmark database (BENCH_DATABASE_URL, filled by
 * `npm run bench:data -- --scale 100`) with autocannon over loopback, in one run:
 *   A. as deployed, one node: the public search API (a mix of name, pinyin and filter queries),
 *      school pages, the progress page and /api/v1/progress, the console school list signed in as
 *      one officer and as the ministry, and a static asset of the same server (the ceiling); the
 *      open-data rate limit raised (it still counts every request); then each console list alone;
 *   B. the search API again with the rate limit off (its cost);
 *   C. search, school page and progress with the public-read cache off (the database's cost);
 *   the deployed shape — nginx and two nodes, with and without the micro-cache (scripts/bench/topology.ts);
 *   the 50,000-row school-major .xlsx import (scripts/bench-import.ts: dry run + commit, peak RSS);
 *   Lighthouse (mobile) on five public pages (scripts/bench/lighthouse.ts).
 * Writes issue 15's targets table and all results into docs/benchmarks.md (between its markers).
 * The build is reused when NEXT_DIST_DIR (default .next) holds one; --rebuild builds again.
 * --topology measures only through nginx with two nodes (scripts/bench/topology.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { BROWSER_HEADERS, measure, type RouteResult, type RouteSpec } from "./bench/measure";
import { publicPages, runLighthouse } from "./bench/lighthouse";
import { machine, renderReport, writeReport, type Report, type Run } from "./bench/report";
import { drawSamples } from "./bench/samples";
import { buildIfNeeded, startServer, type Server } from "./bench/server";
import { consoleListSpecs, staticAsset } from "./bench/session";
import { benchDatabaseUrl } from "./bench/target";
import type { AloneResult, MajorsImport } from "./bench/targets";
import { runTopology } from "./bench/topology";
import { deployedProcessEnv } from "./bench/deployed-node";

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

// As deployed (the unit's heap cap and malloc arenas): a cap makes V8 collect before the process grows past it.
const PROCESS_ENV = deployedProcessEnv();

const baseEnv = (url: string): Record<string, string> => ({
  ...PROCESS_ENV,
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

/** The 50,000-row school-major import in a child process of its own (its peak RSS is the import's run). */
function timeMajorsImport(url: string): MajorsImport {
  log("Import: scripts/bench-import.ts (50,000 school-major rows, dry run + commit)…");
  const r = spawnSync(
    process.execPath,
    [
      path.join("node_modules/tsx/dist/cli.mjs"),
      path.join("scripts", "bench-import.ts"),
      "--kind",
      "majors",
      "--rows",
      "50000",
      "--engine",
      "postgres",
      "--json",
    ],
    { env: { ...process.env, BENCH_DATABASE_URL: url, DATABASE_URL: url }, encoding: "utf8", timeout: 900_000 },
  );
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) return { error: `exit ${r.status}: ${output.trim().split("\n").slice(-3).join(" ")}` };
  const line = (r.stdout ?? "")
    .split("\n")
    .reverse()
    .find((l) => l.trim().startsWith("{"));
  try {
    const j = JSON.parse(line ?? "") as { rows: number; dryRunSeconds: number; commitSeconds: number; peakRssMb: number };
    return { rows: j.rows, dryRunSeconds: j.dryRunSeconds, commitSeconds: j.commitSeconds, peakRssMb: j.peakRssMb };
  } catch {
    return { error: `could not read the timings from its output: ${output.trim().split("\n").slice(-3).join(" ")}` };
  }
}

/** Each console list page in turn, one request at a time (nothing else running): what one user waits. */
async function alone(server: Server, name: string, paths: string[], cookie: string, rounds = 4): Promise<AloneResult> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const p of paths) {
      const t0 = performance.now();
      await fetch(server.base + p, { headers: { cookie } }).then((r) => r.arrayBuffer());
      ms.push(performance.now() - t0);
    }
  }
  ms.sort((x, y) => x - y);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] * 10) / 10;
  return { name, n: ms.length, p50: at(0.5), p95: at(0.95) };
}

/** Lighthouse on a node of its own, after the load runs (a quiet server), on the benchmark database. */
async function lighthouseRun(env: Record<string, string>, samples: { search: string[] }) {
  log("Lighthouse (mobile) on the public pages…");
  // A Chinese name fragment from the mix (the first URLs are filters alone or pinyin).
  const query = samples.search.map((u) => new URL(u, "http://x").searchParams.get("q") ?? "").find((q) => /\p{Script=Han}{3}/u.test(q)) ?? "技师学院";
  try {
    // The rate limit raised as in run A: the runs before counted this address's requests in the database.
    const { value } = await withServer({ ...env, API_RATE_LIMIT_PER_MINUTE: "1000000" }, async (server) =>
      runLighthouse(server.base, await publicPages(server.base, query), { log }),
    );
    return value;
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

async function main() {
  const url = benchDatabaseUrl();
  if (argv.includes("--topology")) {
    buildIfNeeded(distDir, argv.includes("--rebuild"), log);
    return runTopology({ url, distDir, seconds: SECONDS, connections: CONNECTIONS, processEnv: PROCESS_ENV, log });
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
  const aloneResults: AloneResult[] = [];
  const a = await withServer({ ...env, API_RATE_LIMIT_PER_MINUTE: "1000000" }, async (server) => {
    const { officer, ministry, specs: consoleSpecs } = await consoleListSpecs(server.base, samples.console);
    const results = await runRoutes(server, [
      { name: "static asset", paths: [asset.path] },
      // Next's own floor for a dynamic route handler that makes one database round trip.
      { name: "health /api/health (floor)", paths: ["/api/health"] },
      // Next's own floor for a page: the 404 page (the root layout and a heading, no query).
      { name: "404 page (page floor)", paths: ["/no-such-page"], headers: BROWSER_HEADERS },
      { name: "search API /api/v1/schools", paths: samples.search },
      { name: "school page /schools/<id>", paths: samples.schools, headers: BROWSER_HEADERS },
      { name: "progress page /progress", paths: ["/progress"], headers: BROWSER_HEADERS },
      { name: "progress API /api/v1/progress", paths: ["/api/v1/progress"] },
      ...consoleSpecs,
    ]);
    aloneResults.push(await alone(server, "console list alone, officer (gd-officer)", samples.console, officer));
    aloneResults.push(await alone(server, "console list alone, ministry", samples.console, ministry));
    return results;
  });
  runs.push({
    title: "A. As deployed, one node",
    note: `Public-read cache on (PUBLIC_CACHE_MB unset: an eighth of the heap limit, at most 64 MB), open-data rate limit raised to 1,000,000/min — it still counts every request (in batches: one write per client per 250 ms, decision 0042). ${samples.search.length} distinct search URLs, ${samples.schools.length} school pages, ${samples.console.length} console list pages (signed in as gd-officer: one authority; as ministry: all).`,
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
      { name: "school page /schools/<id>", paths: samples.schools, headers: BROWSER_HEADERS },
      { name: "progress API /api/v1/progress", paths: ["/api/v1/progress"] },
    ]),
  );
  runs.push({
    title: "C. Public-read cache off",
    note: "PUBLIC_CACHE_MB=0, rate limit off: every request queries PostgreSQL (what a cold cache, or a change every moment, costs).",
    results: c.value,
  });

  const majorsImport = argv.includes("--skip-import") ? null : timeMajorsImport(url);
  const topology = argv.includes("--skip-topology")
    ? null
    : await runTopology({ url, distDir, seconds: SECONDS, connections: CONNECTIONS, processEnv: PROCESS_ENV, log });
  const lighthouse = argv.includes("--skip-lighthouse") ? null : await lighthouseRun(env, samples);
  mach.loadAfter = os.loadavg();
  const buildId = fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const report: Report = {
    startedAt,
    machine: mach,
    data,
    build: `next start from ${distDir}/ (BUILD_ID ${buildId}), NODE_OPTIONS="${PROCESS_ENV.NODE_OPTIONS}" MALLOC_ARENA_MAX=${PROCESS_ENV.MALLOC_ARENA_MAX}`,
    staticAsset: asset,
    runs,
    peakRssMb: a.peakRssMb,
    majorsImport,
    topology,
    alone: aloneResults,
    lighthouse,
    settings: { connections: CONNECTIONS, seconds: SECONDS },
  };
  const file = path.join("docs", "benchmarks.md");
  writeReport(file, renderReport(report), "# Benchmarks\n\nRun them with `npm run bench:data -- --scale 100` then `npm run bench` (see scripts/bench.ts).\n\n");
  fs.writeFileSync(
    path.join(os.tmpdir(), "bench-last.json"),
    JSON.stringify(report, (k, v) => (k === "lhr" ? undefined : v), 2),
  );
  log(`Peak RSS ${a.peakRssMb} MB. Wrote ${file}.`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
