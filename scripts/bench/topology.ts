import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startNginx } from "../../tests/topology/support/nginx";
import { BROWSER_HEADERS, measure, type RouteResult, type RouteSpec } from "./measure";
import { machine, writeReport } from "./report";
import { drawSamples } from "./samples";
import { startServer, type Server } from "./server";
import { consoleListSpecs, staticAsset } from "./session";
import { renderTopology, TOPOLOGY_END, TOPOLOGY_START, type TopologyRun } from "./topology-report";

/**
 * `npm run bench -- --topology`: the public routes through nginx (deploy/nginx, as tests/topology
 * runs it) in front of two `next start` nodes on the benchmark database — with the micro-cache
 * (1 s, API answers and anonymous public pages, decisions 0076 and 0091) and without — and, for
 * comparison, one node asked directly. In the cached run it also asks the console school list signed
 * in (as gd-officer and as ministry, through nginx): nginx never caches a request with a cookie,
 * so this is two nodes rendering it. The database is written only by those two sign-ins (their
 * session rows). Writes its section of docs/benchmarks.md.
 */
const PORTS = { nginx: 3820, a: 3821, b: 3822 };

type Options = { url: string; distDir: string; seconds: number; connections: number; processEnv: Record<string, string>; log: (s: string) => void };

/** Every URL of the mixes once on a node, 8 at a time: both nodes start each run warm. */
async function warmNode(base: string, specs: RouteSpec[]) {
  const urls = specs.flatMap((spec) => spec.paths.slice(0, 400));
  let next = 0;
  const worker = async () => {
    while (next < urls.length) await fetch(base + urls[next++], { headers: BROWSER_HEADERS }).then((r) => r.arrayBuffer());
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function burstAndMeasure(base: string, specs: RouteSpec[], o: Options): Promise<RouteResult[]> {
  for (const spec of specs) await measure(base, spec, { connections: 16, seconds: 3 });
  const out: RouteResult[] = [];
  for (const spec of specs) {
    const r = await measure(base, spec, { connections: o.connections, seconds: o.seconds });
    o.log(`  ${spec.name.padEnd(28)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p95 ${r.p95} ms  non-2xx ${r.non2xx}  errors ${r.errors}`);
    out.push(r);
  }
  return out;
}

export async function runTopology(o: Options) {
  const startedAt = new Date();
  const pool = new pg.Pool({ connectionString: o.url, max: 2 });
  const version = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  const schools = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "School"`)).rows[0].n;
  const samples = await drawSamples(pool);
  await pool.end();
  const mach = machine(version.split(" ")[0]);
  const asset = staticAsset(o.distDir);
  const specs: RouteSpec[] = [
    { name: "static asset", paths: [asset.path] },
    { name: "search API /api/v1/schools", paths: samples.search },
    { name: "school page /schools/<id>", paths: samples.schools, headers: BROWSER_HEADERS },
    { name: "progress page /progress", paths: ["/progress"], headers: BROWSER_HEADERS },
    { name: "progress API /api/v1/progress", paths: ["/api/v1/progress"] },
  ];
  const env = {
    ...o.processEnv,
    DATABASE_URL: o.url,
    DATABASE_REPLICA_URL: "",
    AUTH_SECRET: process.env.AUTH_SECRET || "benchmark-secret-not-for-production",
    AUTH_TRUST_HOST: "true",
    TRUST_PROXY: "1",
    PUBLIC_URL: `http://127.0.0.1:${PORTS.nginx}`,
    DEMO_SEED: "1",
    API_RATE_LIMIT_PER_MINUTE: "1000000",
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-bench-topology-"));
  const servers: Server[] = [];
  const runs: TopologyRun[] = [];
  try {
    for (const port of [PORTS.a, PORTS.b]) servers.push(await startServer({ port, distDir: o.distDir, env }));
    o.log("Warming both nodes (every URL once)…");
    await Promise.all(servers.map((s) => warmNode(s.base, specs)));
    o.log("One node, asked directly (no nginx)…");
    runs.push({ title: "One node, directly", microCache: null, results: await burstAndMeasure(servers[0].base, specs, o) });
    const nginx = await startNginx({ dir, port: PORTS.nginx, nodes: servers.map((s) => s.base.replace("http://", "")), microCache: null });
    try {
      for (const microCache of [null, "1s"]) {
        await nginx.reconfigure({ microCache });
        o.log(`nginx + two nodes, micro-cache ${microCache ?? "off"}…`);
        // The cache's steady state: every URL once through nginx (as on a site that has been up a while).
        if (microCache) await warmNode(nginx.base, specs);
        const before = nginx.accessLines().length;
        const results = await burstAndMeasure(nginx.base, microCache ? [...specs, ...(await consoleListSpecs(nginx.base, samples.console)).specs] : specs, o);
        // Answers from nginx's cache have no upstream address in the access log ("-").
        const lines = nginx.accessLines().slice(before);
        const share = (test: (uri: string) => boolean) => {
          const xs = lines.filter((l) => test(l.split(" ")[3] ?? ""));
          return xs.length ? xs.filter((l) => l.startsWith("- ")).length / xs.length : 0;
        };
        runs.push({
          title: `nginx + two nodes, micro-cache ${microCache ?? "off"}`,
          microCache,
          results,
          apiHitShare: share((uri) => uri.startsWith("/api/v1/")),
          pageHitShare: share((uri) => uri.startsWith("/schools/") || uri === "/progress"),
        });
      }
    } finally {
      await nginx.stop();
    }
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  mach.loadAfter = os.loadavg();
  const section = renderTopology({ startedAt, machine: mach, schools, staticAsset: asset, runs, seconds: o.seconds, connections: o.connections });
  const file = path.join("docs", "benchmarks.md");
  writeReport(file, section, "", { start: TOPOLOGY_START, end: TOPOLOGY_END });
  o.log(`Wrote the topology section of ${file}.`);
  return runs;
}
