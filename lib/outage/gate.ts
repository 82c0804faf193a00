import { databaseAvailable, retryAfterSeconds } from "@/lib/db/availability";
import { outageResponse } from "./response";

/**
 * proxy.ts's check while PostgreSQL is down: answers 503 (HTML page, or JSON under /api/) without
 * touching the app, so no request hangs on a dead database or renders a 500. Let through:
 * /api/health (it checks the database itself and reports 503), server actions (their runAction
 * returns DB_UNAVAILABLE, which the form shows in place), and requests for Next's own files.
 * Returns null when the request may go on.
 */
export async function outageGate(request: Request, nonce: string): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (pathname === "/api/health" || pathname.startsWith("/_next/") || request.headers.has("next-action")) return null;
  if (await databaseAvailable()) return null;
  return outageResponse(request, retryAfterSeconds(), nonce);
}
