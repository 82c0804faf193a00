import { databaseAnswers } from "@/lib/health/data";

export const dynamic = "force-dynamic";

/**
 * GET /api/health — 200 when this node reaches its database, 503 otherwise. Deliberately outside
 * the open-data edge: no rate limit (balancers poll it every few seconds from one address, and a
 * 429 would take a healthy node out of rotation; docs/decisions/0051-health-not-rate-limited.md)
 * and no outage short-cut (the balancer must see the real state).
 */
export async function GET() {
  const ok = await databaseAnswers();
  return Response.json({ status: ok ? "ok" : "degraded", db: ok ? "ok" : "down" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
