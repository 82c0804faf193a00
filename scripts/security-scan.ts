/**
 * npm run security:scan — sqlmap against every public parameter (see scripts/security-scan/targets.ts)
 * of a local production server, with the result written into docs/security.md between
 * <!-- security-scan:start --> and <!-- security-scan:end -->. Exits 1 when an injection is found.
 *
 * The server: SCAN_BASE_URL when given; otherwise scripts/e2e-server.mjs starts the existing build
 * (NEXT_DIST_DIR, default .next: run `npm run build` first) on SCAN_PORT (3390) over a fresh seeded
 * database — PostgreSQL when SCAN_DATABASE_URL names a server database it may create databases
 * from, else PGlite — with the open-data rate limit off and X-Forwarded-For trusted (sqlmap's
 * xforwardedfor tamper then spreads the sign-in attempts over random addresses).
 * Options: SCAN_LEVEL (3), SCAN_RISK (2) for the API; SCAN_LIGHT_LEVEL (2), SCAN_LIGHT_RISK (1) for
 * the rendered pages and the sign-in form (slow per request); SCAN_DELAY seconds between requests (0; set it for a
 * remote server), SCAN_THREADS (4), SCAN_ONLY=<substring of a target name>, SCAN_NO_WRITE=1.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseSqlmap, renderSection, writeSection, type TargetResult } from "./security-scan/report";
import { apiTargets, loadSamples, pageTargets, signInTarget, type Target } from "./security-scan/targets";

const root = path.resolve(import.meta.dirname, "..");
const e = process.env;
const outDir = path.join("/tmp", `security-scan-${Date.now().toString(36)}`);

function sqlmapVersion(): string | null {
  const r = spawnSync("sqlmap", ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return null;
  return (r.stdout.split("\n").find((l) => /^\d+\.\d+/.test(l.trim())) ?? r.stdout).trim();
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function startServer(): Promise<{ base: string; server: ChildProcess | null; label: string }> {
  if (e.SCAN_BASE_URL) return { base: e.SCAN_BASE_URL.replace(/\/$/, ""), server: null, label: e.SCAN_BASE_URL };
  const port = e.SCAN_PORT || "3390";
  const engine = e.SCAN_DATABASE_URL ? "PostgreSQL" : "PGlite";
  const server = spawn(process.execPath, ["scripts/e2e-server.mjs"], {
    cwd: root,
    stdio: ["ignore", fs.openSync(path.join(outDir, "server.log"), "a"), fs.openSync(path.join(outDir, "server.log"), "a")],
    env: { ...e, E2E_PORT: port, E2E_DATABASE_URL: e.SCAN_DATABASE_URL ?? "", API_RATE_LIMIT_PER_MINUTE: "0", TRUST_PROXY: "1" },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, 240_000);
  return { base, server, label: `local production build (\`next start\`, ${engine}, demo seed), open-data rate limit off` };
}

function runSqlmap(t: Target, i: number, common: string[]): Promise<{ output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const args = [...t.args, ...common, "--output-dir", path.join(outDir, `t${i}`)];
    const child = spawn("sqlmap", args, { stdio: ["ignore", "pipe", "pipe"] });
    // Written as it comes, so a long target can be followed with tail -f.
    const log = fs.createWriteStream(path.join(outDir, `t${i}.txt`));
    log.write(`sqlmap ${args.join(" ")}\n\n`);
    let output = "";
    const take = (d: Buffer) => {
      output += d;
      log.write(d);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", () => {
      log.end();
      resolve({ output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function main() {
  const version = sqlmapVersion();
  if (!version) {
    console.error("sqlmap is not installed. On Debian/Ubuntu: sudo apt-get install sqlmap (or see https://sqlmap.org).");
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  const { base, server, label } = await startServer();
  const stop = () => server?.kill("SIGTERM");
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => (stop(), process.exit(130)));
  try {
    const doc = await (await fetch(`${base}/api/v1/openapi.json`)).json();
    const samples = await loadSamples(base);
    let targets = [
      ...apiTargets(base, doc, samples),
      ...pageTargets(base, doc, samples),
      await signInTarget(base, path.join(outDir, "sign-in.req"), fs.writeFileSync),
    ];
    if (e.SCAN_ONLY) targets = targets.filter((t) => t.name.includes(e.SCAN_ONLY!));
    const level = { full: [e.SCAN_LEVEL || "3", e.SCAN_RISK || "2"], light: [e.SCAN_LIGHT_LEVEL || "2", e.SCAN_LIGHT_RISK || "1"] };
    const common = [
      "--batch",
      "--ignore-stdin",
      "--technique=BEUST",
      "--dbms=PostgreSQL",
      "--flush-session",
      "--disable-coloring",
      `--threads=${e.SCAN_THREADS || "4"}`,
      `--delay=${e.SCAN_DELAY || "0"}`,
      "--ignore-code=404",
      "--timeout=30",
      "--retries=1",
    ];
    const levelArgs = (t: Target) => {
      const [l, r] = t.light ? level.light : level.full;
      return [`--level=${l}`, `--risk=${r}`];
    };
    console.log(`sqlmap ${version}: ${targets.length} targets, output in ${outDir}`);
    const results: TargetResult[] = [];
    for (const [i, t] of targets.entries()) {
      const { output, seconds } = await runSqlmap(t, i, [...levelArgs(t), ...common]);
      const r = parseSqlmap(t, output, seconds);
      results.push(r);
      console.log(`${t.name}: ${r.params.map((p) => `${p.param}=${p.result}`).join(", ")} (${seconds.toFixed(0)} s)`);
    }
    const seconds = (Date.now() - t0) / 1000;
    const section = renderSection({
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      version,
      options: `${common.join(" ")}; API: --level=${level.full[0]} --risk=${level.full[1]}; pages and sign-in form: --level=${level.light[0]} --risk=${level.light[1]}`,
      server: label,
      seconds,
      results,
    });
    if (e.SCAN_NO_WRITE !== "1") writeSection(path.join(root, "docs/security.md"), section);
    else console.log(section);
    const found = results.flatMap((r) => r.params).filter((p) => p.result === "found");
    console.log(found.length ? `INJECTION FOUND: ${found.map((p) => p.param).join(", ")}` : `No injection found (${(seconds / 60).toFixed(1)} min).`);
    process.exitCode = found.length ? 1 : 0;
  } finally {
    stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
