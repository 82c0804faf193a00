import "server-only";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { authorize } from "@/lib/auth/gates";
import { Refusal, httpStatus } from "@/lib/errors";
import { AUDIT_CSV_FIELDS, auditCsvHeader, auditCsvRows } from "./csv";
import { auditEventBatches } from "./data";
import { recordAuditExport } from "./mutations";
import { auditQuery, parseAuditFilter } from "./schema";

/**
 * The CSV export behind /console/audit/export: gated like the page, the filters parsed by the
 * same schema, the export itself audited, the rows streamed in batches.
 */
export async function exportAuditCsv(req: Request, label: (field: (typeof AUDIT_CSV_FIELDS)[number]) => string): Promise<Response> {
  let user;
  try {
    user = await authorize("GET /console/audit/export");
  } catch (e) {
    if (e instanceof Refusal) return new Response(e.code, { status: httpStatus[e.code], headers: { "cache-control": "no-store" } });
    if (isDbUnavailable(e)) return new Response("DB_UNAVAILABLE", { status: 503 });
    throw e;
  }
  const url = new URL(req.url);
  const { filter } = parseAuditFilter(Object.fromEntries(url.searchParams));
  await recordAuditExport({ id: user.id, label: user.displayName || user.username }, { ...filter, query: auditQuery(filter) });

  const header = auditCsvHeader(Object.fromEntries(AUDIT_CSV_FIELDS.map((f) => [f, label(f)])) as Record<(typeof AUDIT_CSV_FIELDS)[number], string>);
  const batches = auditEventBatches({ ...filter, page: 1 });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(header));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvRows(next.value)));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10).replaceAll("-", "");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
