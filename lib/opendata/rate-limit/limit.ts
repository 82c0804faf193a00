import { env } from "@/lib/env";
import { clientIp } from "../client-ip";
import { countRequest, pruneRequestCounts } from "./mutations";

export const RATE_WINDOW_MS = 60_000;

export type RateDecision =
  | { limited: false; limit: number; remaining: number; resetSeconds: number }
  | { limited: true; limit: number; remaining: 0; resetSeconds: number };

// Which window this process last pruned: scheduling only — the counts themselves live in the database.
let lastPrunedWindow = 0;

/**
 * Counts this request against its client's window and decides. A limit of 0 turns the limit off.
 * Cost: one statement per request, plus one small DELETE per process per minute.
 */
export async function checkRateLimit(req: Request, now = Date.now()): Promise<RateDecision | null> {
  const { API_RATE_LIMIT_PER_MINUTE: limit, TRUST_PROXY } = env();
  if (limit === 0) return null;
  const windowStart = Math.floor(now / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const key = `ip:${clientIp(req.headers, TRUST_PROXY === "1")}`.slice(0, 200);
  const count = await countRequest(key, windowStart);
  if (windowStart !== lastPrunedWindow) {
    lastPrunedWindow = windowStart;
    await pruneRequestCounts(windowStart - RATE_WINDOW_MS);
  }
  const resetSeconds = Math.max(1, Math.ceil((windowStart + RATE_WINDOW_MS - now) / 1000));
  if (count > limit) return { limited: true, limit, remaining: 0, resetSeconds };
  return { limited: false, limit, remaining: limit - count, resetSeconds };
}
