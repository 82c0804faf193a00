import autocannon from "autocannon";

/**
 * One autocannon run over loopback: `connections` keep-alive connections, each cycling through
 * `paths` in order (a different starting offset per connection), for `seconds`. Latencies are
 * recorded from every response (autocannon's own summary has no p95).
 */
export type RouteResult = {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
};

export type RouteSpec = { name: string; paths: string[]; headers?: Record<string, string> };

/** What every browser sends with a page request and autocannon does not: pages are measured as browsers ask for them. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip" };

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function measure(base: string, spec: RouteSpec, opts: { connections: number; seconds: number }): Promise<RouteResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  // Each connection starts at a different place in the list, so the mix is spread from the start.
  const requests = spec.paths.map((path) => ({ method: "GET" as const, path, headers: spec.headers }));
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    requests: requests.length ? requests : undefined,
    headers: spec.headers,
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const requestsDone = latencies.length;
  return {
    name: spec.name,
    requests: requestsDone,
    seconds: Math.round(seconds * 10) / 10,
    rps: Math.round(requestsDone / opts.seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? 0),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Shuffles a list deterministically, so every run sends the same mix in the same order. */
export function mix<T>(xs: T[], seed = 7): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
