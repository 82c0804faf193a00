import { databaseAnswers } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json({ status: ok ? "ok" : "degraded", db: ok ? "ok" : "down" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
