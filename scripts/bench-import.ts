/**
 * npm run bench:import [-- --kind schools|majors|both] [-- --rows 5000 --rows 10000] [-- --engine pglite|postgres|both] [-- --heap 192] [-- --json]
 *
 * Times an import as the app runs it: reading a generated .xlsx, the dry run (validation
 * against the database and storing the ImportJob) and the commit (one transaction), on a FRESH
 * database for each run — an in-memory PGlite, and, when BENCH_DATABASE_URL (or DATABASE_URL) is
 * set, a new database created on that PostgreSQL server and dropped afterwards (the database the
 * URL names is never written to). On PostgreSQL a child of its own prepares that database (schema,
 * reference rows, the schools school-major rows name), so the run's peak RSS is the import's. Each run is a child process, so its peak RSS is its own; the
 * workbook is built beforehand by another child (generating it would otherwise count in the peak).
 * Kinds: `schools` (5,000 and 10,000 rows by default) and `majors` — school majors against schools
 * created untimed in the setup (10,000 and 50,000 rows by default); `--rows` sets the sizes of
 * both. The runs have the deployed server's heap cap (its unit's NODE_OPTIONS; `--heap MB` to change it): without
 * one V8 collects lazily and the peak says more about the machine's memory than the import's. Without --kind both run, except with --json, which keeps scripts/bench.ts's school run.
 * --json prints one JSON line for the largest run (PostgreSQL when a URL is set), as
 * scripts/bench.ts reads it: {"rows","dryRunSeconds","commitSeconds","peakRssMb",…}.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dropScratchDatabase } from "./scratch-database.mjs";
import { deployedHeapMb, deployedProcessEnv } from "./bench/deployed-node";

type Engine = "pglite" | "postgres";
export type BenchKind = "schools" | "majors";
export type BenchResult = {
  engine: Engine;
  kind: BenchKind;
  rows: number;
  readSeconds: number;
  dryRunSeconds: number;
  commitSeconds: number;
  peakRssMb: number;
  errors: number;
};

const argv = process.argv.slice(2);
const values = (flag: string) => argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1]] : []));
const self = fileURLToPath(import.meta.url);
/** The child's V8 heap cap: the deployed server's (its unit) unless --heap says otherwise. */
const HEAP_MB = Number(values("--heap")[0] ?? deployedHeapMb());
const DEFAULT_SIZES: Record<BenchKind, number[]> = { schools: [5000, 10000], majors: [10000, 50000] };

/** A child process of this script with the react-server condition (the app's modules are server-only). */
function child(args: string[], env: Record<string, string>, heapMb: number) {
  return spawnSync(process.execPath, [path.join("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", self, ...args], {
    env: { ...process.env, ...env, MALLOC_ARENA_MAX: deployedProcessEnv().MALLOC_ARENA_MAX, NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
    encoding: "utf8",
    timeout: 900_000,
  });
}

/** The scratch PostgreSQL database of a run, prepared by a child of its own (untimed, not in the run's peak). */
function setUp(kind: BenchKind, rows: number, url: string): { name: string; url: string } {
  const r = child(["--setup", kind, String(rows)], { BENCH_DATABASE_URL: url }, 4096);
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
  if (r.status !== 0 || !line) throw new Error(`setting up ${kind} ${rows} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(line) as { name: string; url: string };
}

async function parentMain() {
  const rows = values("--rows")
    .map(Number)
    .filter((n) => n > 0);
  const json = argv.includes("--json");
  const kindArg = values("--kind")[0] ?? (json ? "schools" : "both");
  const kinds: BenchKind[] = kindArg === "both" ? ["schools", "majors"] : [kindArg as BenchKind];
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "";
  const wanted = values("--engine")[0] ?? (url ? "both" : "pglite");
  const engines: Engine[] = wanted === "both" ? ["pglite", "postgres"] : [wanted as Engine];
  if (engines.includes("postgres") && !url) throw new Error("--engine postgres needs BENCH_DATABASE_URL (or DATABASE_URL)");
  const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
  log(
    `Import benchmark: ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Node ${process.version}, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  const results: BenchResult[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    for (const kind of kinds) {
      for (const n of rows.length ? rows : DEFAULT_SIZES[kind]) {
        const file = path.join(dir, `${kind}-${n}.xlsx`);
        const built = child(["--build", kind, String(n), file], {}, 4096);
        if (built.status !== 0) throw new Error(`building ${kind} ${n} failed (exit ${built.status}):\n${built.stderr}`);
        for (const engine of engines) {
          const prepared = engine === "postgres" ? setUp(kind, n, url) : null;
          let res: BenchResult;
          try {
            const r = child(["--child", engine, kind, String(n), file], { BENCH_PREPARED_URL: prepared?.url ?? "" }, HEAP_MB);
            const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
            if (r.status !== 0 || !line) throw new Error(`${engine} ${kind} ${n} rows failed (exit ${r.status}):\n${r.stderr}`);
            res = JSON.parse(line) as BenchResult;
          } finally {
            if (prepared) await dropScratchDatabase(url, prepared.name);
          }
          results.push(res);
          log(
            `  ${engine.padEnd(8)} ${kind.padEnd(7)} ${String(n).padStart(6)} rows: read ${res.readSeconds.toFixed(1)} s, dry run ${res.dryRunSeconds.toFixed(1)} s, commit ${res.commitSeconds.toFixed(1)} s, peak RSS ${res.peakRssMb} MB`,
          );
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  log(
    `load after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  if (json) {
    const pick = [...results].sort((a, b) => b.rows - a.rows || (a.engine === "postgres" ? -1 : 1))[0];
    process.stdout.write(`${JSON.stringify({ ...pick, results })}\n`);
  }
  const out = values("--out")[0];
  if (out) fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), loadavg: os.loadavg(), results }, null, 2));
}

async function childMain(engineKind: Engine, kind: BenchKind, rows: number, file: string) {
  const { runBench } = await import("./bench-import-run");
  const res = await runBench(engineKind, kind, rows, process.env.BENCH_PREPARED_URL || "", file);
  process.stdout.write(`${JSON.stringify(res)}\n`);
  process.exit(0);
}

async function buildMain(kind: BenchKind, rows: number, file: string) {
  const { buildWorkbook } = await import("./bench-import-run");
  await buildWorkbook(kind, rows, file);
  process.exit(0);
}

async function setupMain(kind: BenchKind, rows: number) {
  const { setupPostgres } = await import("./bench-import-run");
  process.stdout.write(`${JSON.stringify(await setupPostgres(kind, rows, process.env.BENCH_DATABASE_URL || ""))}\n`);
  process.exit(0);
}

const childAt = argv.indexOf("--child");
const setupAt = argv.indexOf("--setup");
const buildAt = argv.indexOf("--build");
const failed = (e: unknown) => {
  console.error(e);
  process.exit(1);
};
if (childAt >= 0) {
  childMain(argv[childAt + 1] as Engine, argv[childAt + 2] as BenchKind, Number(argv[childAt + 3]), argv[childAt + 4]).catch(failed);
} else if (setupAt >= 0) {
  setupMain(argv[setupAt + 1] as BenchKind, Number(argv[setupAt + 2])).catch(failed);
} else if (buildAt >= 0) {
  buildMain(argv[buildAt + 1] as BenchKind, Number(argv[buildAt + 2]), argv[buildAt + 3]).catch(failed);
} else {
  parentMain().catch(failed);
}
