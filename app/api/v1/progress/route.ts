import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { databaseAvailable } from "@/lib/db/availability";
import { apiLocale, translator, type ApiTranslator } from "@/lib/opendata/messages";
import { loadProgress } from "@/lib/progress/loaders";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/progress — announced and in-process counts toward the programme targets (300
 * quality schools, 500 quality majors), overall, per authority, per tier and per batch.
 * Takes no query parameters: any is a 400, so a typo is not silently ignored.
 */
export async function GET(request: Request) {
  const t = translator(apiLocale(request));
  // proxy.ts does not run for the API: its outage check (503 at once while PostgreSQL is known to be down) is made here.
  if (!(await databaseAvailable())) return unavailable(t);
  const params = [...new URL(request.url).searchParams.keys()];
  if (params.length) {
    return Response.json(
      { error: { code: "VALIDATION", message: t("errors.VALIDATION"), parameters: params } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  let p: Awaited<ReturnType<typeof loadProgress>>;
  try {
    p = await loadProgress();
  } catch (e) {
    // A database that is down or overloaded (pool timeout) is a 503, never a 500.
    if (!isDbUnavailable(e)) throw e;
    return unavailable(t);
  }
  return new Response(body(p), {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=60, stale-while-revalidate=60" },
  });
}

// loadProgress() returns the cached object until the data changes: its JSON is made once.
const bodies = new WeakMap<object, string>();
function body(p: Awaited<ReturnType<typeof loadProgress>>): string {
  let text = bodies.get(p);
  if (text === undefined) {
    text = JSON.stringify({
      asOf: p.asOf,
      schools: p.schools,
      majors: p.majors,
      byAuthority: p.byAuthority.map((a) => ({
        authorityId: a.authorityId,
        gbCode: a.gbCode,
        nameZh: a.nameZh,
        nameEn: a.nameEn,
        schools: a.schools,
        majors: a.majors,
      })),
      byTier: p.byTier,
      byBatch: p.byBatch,
    });
    bodies.set(p, text);
  }
  return text;
}

function unavailable(t: ApiTranslator): Response {
  return Response.json(
    { error: { code: "DB_UNAVAILABLE", message: t("errors.DB_UNAVAILABLE") } },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
  );
}
