import type { RouteResult } from "./measure";
import type { machine } from "./report";

/** The topology section of docs/benchmarks.md (npm run bench -- --topology), between its own markers. */
export const TOPOLOGY_START = "<!-- bench:topology:start (written by npm run bench -- --topology; edits here are overwritten) -->";
export const TOPOLOGY_END = "<!-- bench:topology:end -->";

export type TopologyRun = { title: string; microCache: string | null; results: RouteResult[]; apiHitShare?: number; pageHitShare?: number };

type Input = {
  startedAt: Date;
  machine: ReturnType<typeof machine>;
  schools: number;
  staticAsset: { path: string; bytes: number };
  runs: TopologyRun[];
  seconds: number;
  connections: number;
};

const f1 = (n: number) => n.toFixed(1);
const pct = (x: number | undefined) => (x === undefined ? "—" : `${Math.round(x * 100)} %`);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");

function staleness(run: TopologyRun): string {
  if (run.title.startsWith("One node")) return "—";
  return run.microCache
    ? `API answers and anonymous pages up to ${run.microCache} plus one refresh older than the replica`
    : "none added (the app's per-process cache is never stale)";
}

export function renderTopology(r: Input): string {
  // Every route of any run, in order (the console lists are asked only in the cached run).
  const names = [...new Set(r.runs.flatMap((run) => run.results.map((x) => x.name)))];
  const header = ["| Route |", ...r.runs.map((run) => ` ${run.title}: req/s · p95 ms |`)].join("");
  const rows = names.map((name) =>
    [
      `| ${name} |`,
      ...r.runs.map((run) => {
        const x = run.results.find((y) => y.name === name);
        if (!x) return " — |";
        const bad = x.non2xx || x.errors ? ` (${x.non2xx} non-2xx, ${x.errors} errors)` : "";
        return ` ${x.rps.toLocaleString("en")} · ${f1(x.p95)}${bad} |`;
      }),
    ].join(""),
  );
  const m = r.machine;
  return [
    TOPOLOGY_START,
    `### Last run (${r.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; PostgreSQL ${m.postgres}; nginx, both nodes, PostgreSQL and the load generator on the same 2 cores.`,
    `- Load average before: ${load(m.loadBefore)}; after: ${load(m.loadAfter)}.${m.loadBefore[0] > m.cores * 0.5 ? " **Measured under load: other work was running on this machine; compare the columns, not the absolute numbers.**" : ""}`,
    `- Database: ${r.schools.toLocaleString("en")} schools, read only but for two sign-ins (no replica: DATABASE_REPLICA_URL unset). ${r.connections} connections, ${r.seconds} s a route after a warm-up; the same request mixes as the runs above; static asset \`${r.staticAsset.path}\`.`,
    "",
    `${header}`,
    `|---|${r.runs.map(() => "---:|").join("")}`,
    ...rows,
    `| staleness the setting adds |${r.runs.map((run) => ` ${staleness(run)} |`).join("")}`,
    `| API answers from nginx's cache |${r.runs.map((run) => ` ${pct(run.apiHitShare)} |`).join("")}`,
    `| pages from nginx's cache |${r.runs.map((run) => ` ${pct(run.pageHitShare)} |`).join("")}`,
    "",
    TOPOLOGY_END,
  ].join("\n");
}
