import { RATE_WINDOW_MS } from "@/lib/opendata/rate-limit/limit";

/**
 * Waits for the next rate-limit window when the current one has less than `needMs` left. A test
 * that counts requests up to a limit must make them in one window: on a busy machine a few calls
 * can take a second or more, and a window that turns over between them resets the count (the
 * fourth call of a limit of three is then answered 200 — a flaky test, not a bug).
 */
export async function inOneRateWindow(needMs = 15_000, now = Date.now): Promise<void> {
  const left = RATE_WINDOW_MS - (now() % RATE_WINDOW_MS);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
