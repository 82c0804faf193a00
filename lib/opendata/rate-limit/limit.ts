import { env } from "@/lib/env";
import { addressBucket, addressOf } from "@/lib/request/client-address";
import { countRequest, pruneRequestCounts } from "./mutations";

export const RATE_WINDOW_MS = 60_000;
/** Counts deferred by this process reach the shared counter within this time. */
export const FLUSH_MS = 250;

export type RateDecision =
  { limited: false; limit: number; remaining: number; resetSeconds: number } | { limited: true; limit: number; remaining: 0; resetSeconds: number };

/**
 * This process's view of one client's current window: `shared` is the shared counter as the
 * database last reported it (our own writes included), `inflight` the requests being written,
 * `pending` the requests counted here and not yet written. Scheduling and estimates only: the count that decides near the limit is the
 * database's (docs/decisions/0042-batched-rate-limit-counts.md).
 */
type Local = { windowStart: number; shared: number; inflight: number; pending: number; timer: ReturnType<typeof setTimeout> | null };
type State = { clients: Map<string, Local>; lastPrunedWindow: number };
const state: State = ((globalThis as { __registryRateLimit?: State }).__registryRateLimit ??= { clients: new Map(), lastPrunedWindow: 0 });

/** Below this many requests left, every request writes (and reads) the shared counter itself. */
export const syncMargin = (limit: number) => Math.max(20, Math.ceil(limit / 10));

async function write(key: string, local: Local, n: number): Promise<number> {
  local.inflight += n;
  try {
    const count = await countRequest(key, local.windowStart, n);
    local.shared = Math.max(local.shared, count);
    return count;
  } finally {
    local.inflight -= n;
  }
}

function flush(key: string, local: Local): Promise<void> {
  if (local.timer) clearTimeout(local.timer);
  local.timer = null;
  const n = local.pending;
  local.pending = 0;
  if (n === 0) return Promise.resolve();
  // A lost flush (database down) loses counts, never a request: a rate limit can afford that.
  return write(key, local, n).then(
    () => undefined,
    () => undefined,
  );
}

/** Writes every deferred count now (tests, shutdown). */
export async function flushRateLimitCounts(): Promise<void> {
  await Promise.all([...state.clients].map(([key, local]) => flush(key, local)));
}

async function newWindow(windowStart: number) {
  if (windowStart === state.lastPrunedWindow) return;
  state.lastPrunedWindow = windowStart;
  // Last window's deferred counts are written (accounting), then this process forgets old windows.
  for (const [key, local] of state.clients) {
    if (local.windowStart < windowStart) {
      void flush(key, local);
      state.clients.delete(key);
    }
  }
  await pruneRequestCounts(windowStart - RATE_WINDOW_MS);
}

/**
 * Counts this request against its client's window and decides. A limit of 0 turns the limit off.
 * Far from the limit a request is counted in this process and written with others at most
 * FLUSH_MS later (one statement per client per FLUSH_MS instead of one per request); a client's
 * first request in a window here, and every request within syncMargin of the limit, writes the
 * shared counter at once and decides on the count the database returns.
 * `keyBucket`: the counter of the request's API key (lib/api-keys/lookup.ts) instead of its address.
 */
export async function checkRateLimit(req: Request, now = Date.now(), keyBucket?: string): Promise<RateDecision | null> {
  // A request with an API key is counted per key at the keyed limit (lib/api-keys/lookup.ts).
  const { API_RATE_LIMIT_PER_MINUTE, API_KEY_RATE_LIMIT_PER_MINUTE } = env();
  const limit = keyBucket ? API_KEY_RATE_LIMIT_PER_MINUTE : API_RATE_LIMIT_PER_MINUTE;
  if (limit === 0) return null;
  const windowStart = Math.floor(now / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const key = (keyBucket ?? `ip:${addressBucket(addressOf(req.headers))}`).slice(0, 200);
  if (windowStart !== state.lastPrunedWindow) await newWindow(windowStart);

  let local = state.clients.get(key);
  if (!local || local.windowStart !== windowStart) {
    if (local) void flush(key, local);
    local = { windowStart, shared: 0, inflight: 0, pending: 0, timer: null };
    state.clients.set(key, local);
  }
  let count: number;
  const estimate = local.shared + local.inflight + local.pending + 1;
  if (local.shared === 0 || limit - estimate < syncMargin(limit)) {
    // Unknown or close to the limit: write this request (and any deferred ones) and use the shared count.
    const n = local.pending + 1;
    local.pending = 0;
    if (local.timer) clearTimeout(local.timer);
    local.timer = null;
    count = await write(key, local, n);
  } else {
    local.pending++;
    const l = local;
    l.timer ??= setTimeout(() => void flush(key, l), FLUSH_MS);
    l.timer.unref?.();
    count = estimate;
  }
  const resetSeconds = Math.max(1, Math.ceil((windowStart + RATE_WINDOW_MS - now) / 1000));
  if (count > limit) return { limited: true, limit, remaining: 0, resetSeconds };
  return { limited: false, limit, remaining: limit - count, resetSeconds };
}
