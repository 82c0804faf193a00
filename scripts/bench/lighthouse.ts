/**
 * Lighthouse on the public pages (issue 15's row: mobile profile, ≥ 90 performance, 100
 * accessibility and best practices), against a running production server:
 *   npx tsx scripts/bench/lighthouse.ts --base http://127.0.0.1:3460 [--query 深圳] [--runs 3] [--out file.md] [--reports dir]
 * Without --base it starts `next start` from the build in NEXT_DIST_DIR on --port (3460) against
 * the database the environment names (DATABASE_URL, or PGlite's DATA_DIR).
 * Lighthouse's default config is the mobile profile with simulated (lantern) throttling: the
 * network is simulated, but main-thread time is the observed time of each task × 4, so a busy
 * machine inflates blocking time (2026-12-06, load 6–13 on 2 cores: TBT 0.4–5 s for the same page).
 * Hence the CPU benchmark index printed with the table, and each page runs --runs times with
 * the median performance score reported. --reports writes each median run's JSON report.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import type { Result } from "lighthouse";
import { startServer } from "./server";

export type LighthousePage = { name: string; path: string };
export type LighthouseResult = LighthousePage & {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Every run's performance score, in order. */
  runs: number[];
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Script transferred (compressed, kB) and its decoded size (kB). */
  scriptKb: number;
  jsKb: number;
  /** Requests of the page load, and Next's link prefetches among them. */
  requests: number;
  prefetches: number;
  /** Lighthouse's CPU benchmark of this machine during the run (lower when the machine is busy). */
  benchmarkIndex: number;
  /** Audits that lose points, "category: audit id (score)". */
  losing: string[];
  lhr: Result;
};

const CATEGORIES = ["performance", "accessibility", "best-practices"];
const chromePath = () => process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const metric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;
const cli = path.join(process.cwd(), "node_modules/lighthouse/cli/index.js");

/**
 * One Lighthouse run through its CLI in plain Node, on the Chrome already listening on `port`:
 * under tsx, Lighthouse's Node API fails in the page, because the functions it sends there
 * carry esbuild's `__name` helper ("__name is not defined").
 */
async function audit(url: string, port: number): Promise<Result> {
  const file = path.join(os.tmpdir(), `lighthouse-${process.pid}-${port}.json`);
  try {
    await promisify(execFile)(process.execPath, [
      cli,
      url,
      `--port=${port}`,
      `--only-categories=${CATEGORIES.join(",")}`,
      "--output=json",
      `--output-path=${file}`,
      "--quiet",
    ]);
    const lhr = JSON.parse(fs.readFileSync(file, "utf8")) as Result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The five public pages, with a real search and the first school it finds (by its public code, as the site links to it and verifies it). */
export async function publicPages(base: string, query: string): Promise<LighthousePage[]> {
  const res = await fetch(`${base}/api/v1/schools?${new URLSearchParams({ q: query, pageSize: "1" })}`);
  const body = (await res.json()) as { data?: { publicCode: string }[] };
  const code = body.data?.[0]?.publicCode;
  if (!code) throw new Error(`No school found for ${query} (${res.status}): pass --query with a name in this database.`);
  return [
    { name: "home", path: "/" },
    { name: "search", path: `/schools?q=${encodeURIComponent(query)}` },
    { name: "school page", path: `/schools/${code}` },
    { name: "verify", path: `/verify/${code}` },
    { name: "progress", path: "/progress" },
  ];
}

/**
 * Script resources of the page: bytes transferred and decoded, in kB; and the requests it made,
 * of which how many were Next's link prefetches (`?_rsc=`, each one a server render).
 */
function scriptSizes(lhr: Result) {
  const items =
    (lhr.audits["network-requests"]?.details as { items?: { url: string; resourceType?: string; transferSize?: number; resourceSize?: number }[] })?.items ??
    [];
  const requests = items.length;
  const prefetches = items.filter((i) => i.url.includes("_rsc=")).length;
  const scripts = items.filter((i) => i.resourceType === "Script");
  const kb = (key: "transferSize" | "resourceSize") => Math.round(scripts.reduce((n, i) => n + (i[key] ?? 0), 0) / 1024);
  return { scriptKb: kb("transferSize"), jsKb: kb("resourceSize"), requests, prefetches };
}

/** Audits that cost points: failing accessibility/best-practice audits, and performance metrics below 0.9. */
function losing(lhr: Result): string[] {
  return CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < (c === "performance" ? 0.9 : 1))
      .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id].score})`),
  );
}

export async function runLighthouse(
  base: string,
  pages: LighthousePage[],
  opts: { runs?: number; log?: (s: string) => void } = {},
): Promise<LighthouseResult[]> {
  const log = opts.log ?? (() => {});
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const out: LighthouseResult[] = [];
    for (const page of pages) {
      const lhrs: Result[] = [];
      for (let i = 0; i < (opts.runs ?? 3); i++) {
        const lhr = await audit(base + page.path, chrome.port);
        lhrs.push(lhr);
        log(`${page.name} run ${i + 1}: performance ${score(lhr, "performance")}`);
      }
      const median = [...lhrs].sort((a, b) => score(a, "performance") - score(b, "performance"))[Math.floor(lhrs.length / 2)];
      out.push({
        ...page,
        performance: score(median, "performance"),
        accessibility: score(median, "accessibility"),
        bestPractices: score(median, "best-practices"),
        runs: lhrs.map((l) => score(l, "performance")),
        fcpMs: metric(median, "first-contentful-paint"),
        lcpMs: metric(median, "largest-contentful-paint"),
        tbtMs: metric(median, "total-blocking-time"),
        cls: metric(median, "cumulative-layout-shift"),
        ...scriptSizes(median),
        benchmarkIndex: Math.round(median.environment.benchmarkIndex),
        losing: losing(median),
        lhr: median,
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}

/** The markdown table for docs/benchmarks.md. */
export function lighthouseTable(results: LighthouseResult[]): string {
  const met = (r: LighthouseResult) => r.performance >= 90 && r.accessibility === 100 && r.bestPractices === 100;
  return [
    "| Page | Performance (runs) | Accessibility | Best practices | FCP s | LCP s | TBT ms | CLS | Script kB (transferred / decoded) | Requests (prefetches) | Verdict |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map(
      (r) =>
        `| ${r.name} \`${r.path}\` | ${r.performance} (${r.runs.join(", ")}) | ${r.accessibility} | ${r.bestPractices} | ${(r.fcpMs / 1000).toFixed(1)} | ${(r.lcpMs / 1000).toFixed(1)} | ${Math.round(r.tbtMs)} | ${r.cls.toFixed(3)} | ${r.scriptKb} / ${r.jsKb} | ${r.requests} (${r.prefetches}) | ${met(r) ? "**met**" : `**not met** — ${r.losing.join(", ")}`} |`,
    ),
  ].join("\n");
}

const argv = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : d;
};

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
  const loadBefore = load();
  const server = opt("base", "")
    ? null
    : await startServer({
        port: Number(opt("port", "3460")),
        distDir: process.env.NEXT_DIST_DIR || ".next",
        env: { AUTH_SECRET: process.env.AUTH_SECRET || "lighthouse-secret-not-for-production", AUTH_TRUST_HOST: "true" },
      });
  try {
    const base = server?.base ?? opt("base", "");
    const pages = await publicPages(base, opt("query", "深圳"));
    const results = await runLighthouse(base, pages, { runs: Number(opt("runs", "3")), log: (s) => console.error(s) });
    const reports = opt("reports", "");
    if (reports) {
      fs.mkdirSync(reports, { recursive: true });
      for (const r of results) fs.writeFileSync(path.join(reports, `${r.name.replace(/\W+/g, "-")}.json`), JSON.stringify(r.lhr));
    }
    const text = `${lighthouseTable(results)}\n\nLighthouse ${results[0]?.lhr.lighthouseVersion}, mobile profile (simulated throttling), median of ${opt("runs", "3")} runs; CPU benchmark index ${results.map((r) => r.benchmarkIndex).join(", ")}; load average before: ${loadBefore}; after: ${load()}.\n`;
    console.log(text);
    const out = opt("out", "");
    if (out) fs.writeFileSync(out, text);
  } finally {
    await server?.stop();
  }
}

// Run from the command line (npm run bench:lighthouse), not when scripts/bench.ts imports runLighthouse.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
