import fs from "node:fs";
import os from "node:os";
import { lighthouseTable, type LighthouseResult } from "./lighthouse";
import type { RouteResult } from "./measure";
import { issue15Targets, type AloneResult, type MajorsImport } from "./targets";
import type { TopologyRun } from "./topology-report";

/**
 * docs/benchmarks.md: `npm run bench` rewrites only the part between its markers, so other
 * sections (the import benchmark's, the analysis) stay as they are.
 */
export const START = "<!-- bench:results:start (written by npm run bench; edits here are overwritten) -->";
export const END = "<!-- bench:results:end -->";

export type Run = { title: string; note: string; results: RouteResult[] };
export type Report = {
  startedAt: Date;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  data: Record<string, string | number>;
  build: string;
  staticAsset: { path: string; bytes: number };
  runs: Run[];
  peakRssMb: number;
  majorsImport: MajorsImport | null;
  topology: TopologyRun[] | null;
  alone: AloneResult[];
  lighthouse: LighthouseResult[] | { error: string } | null;
  settings: { connections: number; seconds: number };
};

export function machine(postgres: string) {
  const cpuinfo = fs.readFileSync("/proc/cpuinfo", "utf8");
  const cpu = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  return {
    cpu,
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    loadBefore: os.loadavg(),
    loadAfter: [] as number[],
  };
}

const f1 = (n: number) => n.toFixed(1);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");

function table(run: Run, staticRps: number): string {
  const rows = run.results.map((r) => {
    const ratio = staticRps ? `${Math.round((r.rps / staticRps) * 100)} %` : "—";
    const bad =
      r.non2xx || r.errors
        ? ` (${Object.entries(r.statuses)
            .filter(([s]) => !s.startsWith("2"))
            .map(([s, n]) => `${n}× ${s}`)
            .join(", ")}${r.errors ? `, ${r.errors} errors` : ""})`
        : "";
    return `| ${r.name} | ${r.rps.toLocaleString("en")} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${ratio} | ${r.requests.toLocaleString("en")}${bad} |`;
  });
  return [
    `#### ${run.title}`,
    "",
    run.note,
    "",
    "| Route | req/s | p50 ms | p95 ms | p99 ms | of static req/s | requests (non-2xx) |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

export function renderReport(r: Report): string {
  const st = r.runs[0].results.find((x) => x.name.startsWith("static"))!;
  const m = r.machine;
  // "After" includes the benchmark's own load; only the load before it says whether others were busy.
  const busy = m.loadBefore[0] > m.cores * 0.5;
  return [
    START,
    `## Results of the last run (${r.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory; Node ${m.node}; PostgreSQL ${m.postgres} on the same machine.`,
    `- Load average (1/5/15 min) before: ${load(m.loadBefore)}; after (the benchmark's own load included): ${load(m.loadAfter)}.${busy ? " **Measured under load: other work was running on this machine, so these numbers are lower than the machine can do.**" : " The machine was idle when the run started."}`,
    `- Data: ${Object.entries(r.data)
      .map(([k, v]) => `${k} ${typeof v === "number" ? v.toLocaleString("en") : v}`)
      .join(", ")}.`,
    `- Build: ${r.build}. Load generator: autocannon 8 in the same machine's Node process, over loopback; ${r.settings.connections} connections, ${r.settings.seconds} s per route after a warm-up.`,
    `- Static asset (the ceiling): \`${r.staticAsset.path}\` (${r.staticAsset.bytes.toLocaleString("en")} bytes), ${st.rps.toLocaleString("en")} req/s.`,
    "",
    "### Targets (issue 15)",
    "",
    'Through nginx = the deployed shape: nginx with two nodes and the 1 s micro-cache (decisions 0076, 0091), measured in the same run (section "Through nginx with two nodes").',
    "",
    ...issue15Targets({
      connections: r.settings.connections,
      direct: r.runs[0].results,
      topology: r.topology,
      alone: r.alone,
      majorsImport: r.majorsImport,
      peakRssMb: r.peakRssMb,
      lighthouse: r.lighthouse,
    }),
    "",
    "### All measurements",
    "",
    ...r.runs.flatMap((run) => [table(run, st.rps), ""]),
    `Peak resident memory of the server processes during the first run: ${r.peakRssMb} MB.`,
    "",
    ...(r.alone.length
      ? [
          "One request at a time (no other load), signed in:",
          "",
          ...r.alone.map((a) => `- ${a.name}: median ${f1(a.p50)} ms, p95 ${f1(a.p95)} ms over ${a.n} requests`),
          "",
        ]
      : []),
    ...(Array.isArray(r.lighthouse) ? ["Lighthouse (mobile profile, median of 3 runs a page):", "", lighthouseTable(r.lighthouse), ""] : []),
    END,
  ].join("\n");
}

/** Replaces the part between the markers (the main run's, or another mode's) or appends the section. */
export function writeReport(file: string, section: string, preamble: string, markers = { start: START, end: END }) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const a = old.indexOf(markers.start);
  const b = old.indexOf(markers.end);
  const next =
    a >= 0 && b > a ? old.slice(0, a) + section + old.slice(b + markers.end.length) : `${old.trim() ? `${old.trimEnd()}\n\n` : preamble}${section}\n`;
  fs.writeFileSync(file, next);
}
