/**
 * npm run bench:import [-- --rows 5000 --rows 10000] [-- --engine pglite|postgres|both] [-- --json]
 *
 * Times the school import as the app runs it: reading a generated .xlsx, the dry run (validation
 * against the database and storing the ImportJob) and the commit (one transaction), on a FRESH
 * database for each run — an in-memory PGlite, and, when BENCH_DATABASE_URL (or DATABASE_URL) is
 * set, a new database created on that PostgreSQL server and dropped afterwards (the database the
 * URL names is never written to). Each run is a child process, so its peak RSS is its own.
 * --json prints one JSON line for the largest run (PostgreSQL when a URL is set), as
 * scripts/bench.ts reads it: {"rows","dryRunSeconds","commitSeconds","peakRssMb",…}.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Engine = "pglite" | "postgres";
export type BenchResult = {
  engine: Engine;
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

function parentMain() {
  const rows = values("--rows")
    .map(Number)
    .filter((n) => n > 0);
  const sizes = rows.length ? rows : [5000, 10000];
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "";
  const wanted = values("--engine")[0] ?? (url ? "both" : "pglite");
  const engines: Engine[] = wanted === "both" ? ["pglite", "postgres"] : [wanted as Engine];
  if (engines.includes("postgres") && !url) throw new Error("--engine postgres needs BENCH_DATABASE_URL (or DATABASE_URL)");
  const json = argv.includes("--json");
  const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
  log(
    `Import benchmark: ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, Node ${process.version}, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  const results: BenchResult[] = [];
  for (const engine of engines) {
    for (const n of sizes) {
      // The app's modules are server-only: the child runs with the react-server condition.
      const r = spawnSync(process.execPath, [path.join("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", self, "--child", engine, String(n)], {
        env: { ...process.env, BENCH_DATABASE_URL: url, NODE_OPTIONS: "--max-old-space-size=4096" },
        encoding: "utf8",
        timeout: 900_000,
      });
      const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
      if (r.status !== 0 || !line) throw new Error(`${engine} ${n} rows failed (exit ${r.status}):\n${r.stderr}`);
      const res = JSON.parse(line) as BenchResult;
      results.push(res);
      log(
        `  ${engine.padEnd(8)} ${String(n).padStart(6)} rows: read ${res.readSeconds.toFixed(1)} s, dry run ${res.dryRunSeconds.toFixed(1)} s, commit ${res.commitSeconds.toFixed(1)} s, peak RSS ${res.peakRssMb} MB`,
      );
    }
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

async function childMain(engineKind: Engine, rows: number) {
  const { runBench } = await import("./bench-import-run");
  const res = await runBench(engineKind, rows, process.env.BENCH_DATABASE_URL || "");
  process.stdout.write(`${JSON.stringify(res)}\n`);
  process.exit(0);
}

const childAt = argv.indexOf("--child");
if (childAt >= 0) {
  childMain(argv[childAt + 1] as Engine, Number(argv[childAt + 2])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  parentMain();
}
