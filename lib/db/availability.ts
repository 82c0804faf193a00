/**
 * Whether PostgreSQL answers, as this process last saw it. The pool (lib/db/engines.ts) reports
 * connection failures and successes here; proxy.ts reads it to answer 503 at once while the
 * database is down instead of letting each request fail on its own, and lets one probe through
 * every PROBE_INTERVAL_MS so that the app recovers by itself when the database returns.
 *
 * The state lives on globalThis under a Symbol.for key: proxy.ts and the app are separate bundles
 * (separate module instances) but run in the same Node process, so they share it. It is health
 * state, safe to lose, and per process: several app processes each find out for themselves.
 * No Prisma import here — proxy.ts imports this module.
 */

/** While the database is marked down, at most one probe per this interval. */
export const PROBE_INTERVAL_MS = 2000;
/** A probe that has not answered by then counts as a failure. */
export const PROBE_TIMEOUT_MS = 2500;
/** With no successful query for this long, the gate checks before letting a request through. */
export const STALE_AFTER_MS = 5000;

type Probe = () => Promise<void>;
type State = {
  down: boolean;
  downSince: number;
  lastOk: number;
  lastProbe: number;
  probes: Map<string, Probe>;
  inFlight?: Promise<boolean>;
};

const KEY = Symbol.for("registry.dbAvailability");

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { down: false, downSince: 0, lastOk: 0, lastProbe: 0, probes: new Map() });
}

/**
 * Connection-level failures: the server is unreachable, shutting down, starting up, or out of
 * connection slots — not a bad query. pg error codes: 57P01–57P03 (admin/crash shutdown,
 * cannot connect now), 53300 (too many connections), 08xxx (connection exceptions).
 */
export function isConnectionFailure(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? "");
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|57P0[123]|53300|08\w{3})$/.test(code)) return true;
  const message = (e as Error)?.message ?? "";
  return /Connection terminated|timeout exceeded when trying to connect|the database system is (shutting down|starting up|in recovery mode)/i.test(message);
}

export function markDbDown(now = Date.now()) {
  const s = state();
  if (!s.down) {
    s.down = true;
    s.downSince = now;
    // Probe on the next request: a single lost connection must not block the app for long.
    s.lastProbe = 0;
  }
}

export function markDbUp(now = Date.now()) {
  const s = state();
  s.down = false;
  s.lastOk = now;
}

export function dbMarkedDown(): boolean {
  return state().down;
}

/** Registers how to check one pool (one per PostgreSQL URL); returns the function that removes it. */
export function registerProbe(name: string, probe: Probe): () => void {
  const s = state();
  s.probes.set(name, probe);
  return () => {
    if (s.probes.get(name) === probe) s.probes.delete(name);
  };
}

function runProbes(s: State, now: number): Promise<boolean> {
  s.lastProbe = now;
  const all = Promise.all([...s.probes.values()].map((p) => p()));
  const timeout = new Promise<never>((_, reject) => {
    const t = setTimeout(() => reject(new Error("probe timeout")), PROBE_TIMEOUT_MS);
    t.unref?.();
  });
  s.inFlight = Promise.race([all, timeout])
    .then(
      () => (markDbUp(), true),
      () => (markDbDown(), false),
    )
    .finally(() => {
      s.inFlight = undefined;
    });
  return s.inFlight;
}

/**
 * May a request go on to the app? True when no PostgreSQL pool is open in this process (PGlite,
 * or nothing has queried yet), or the database answered recently. While it is marked down, false
 * at once — except for one request every PROBE_INTERVAL_MS, which waits for a probe.
 */
export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const s = state();
  if (s.probes.size === 0) return true;
  if (!s.down && now - s.lastOk < STALE_AFTER_MS) return true;
  if (s.inFlight) return s.down ? false : s.inFlight;
  if (s.down && now - s.lastProbe < PROBE_INTERVAL_MS) return false;
  return runProbes(s, now);
}

/** Seconds a client should wait before trying again (Retry-After). */
export function retryAfterSeconds(): number {
  return Math.ceil(PROBE_INTERVAL_MS / 1000) + 1;
}

/** Tests only: forget everything. */
export function resetAvailability() {
  const s = state();
  s.down = false;
  s.downSince = 0;
  s.lastOk = 0;
  s.lastProbe = 0;
  s.probes.clear();
  s.inFlight = undefined;
}
