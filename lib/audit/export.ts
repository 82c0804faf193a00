import "server-only";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { authorize } from "@/lib/auth/gates";
import { runWrite } from "@/lib/db/unit-of-work";
import { Refusal, httpStatus } from "@/lib/errors";
import { clock, shanghaiToday } from "@/lib/kernel/dates";
import { actorOf } from "@/lib/request/actor";
import { addressOf } from "@/lib/request/client-address";
import { AUDIT_CSV_FIELDS, auditCsvHeader, auditCsvRows } from "./csv";
import { auditEventBatches } from "./data";
import { recordAuditExport } from "./mutations";
import { auditQuery, parseAuditFilter } from "./schema";

/**
 * The CSV export behind /console/audit/export: gated like the page, the filters parsed by the
 * same schema, the export itself audited (through the write contract: the one actor label, the
 * request's client address), the rows streamed in batches.
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
  const now = clock.now();
  const base = { actor: actorOf(user), scope: null, now, clientAddress: addressOf(req.headers) };
  await runWrite(base, (ctx) => recordAuditExport(ctx, { filter: { ...filter, query: auditQuery(filter) } }));

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
  // The file is named by the registry's calendar day (Asia/Shanghai), like every "today".
  const stamp = shanghaiToday(now).replaceAll("-", "");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
