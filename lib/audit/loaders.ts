import "server-only";
import { requirePolicy } from "@/lib/auth/gates";
import { auditAuthorities, auditEntityTypes, listAuditEvents } from "./data";
import { AUDIT_PAGE_SIZE, parseAuditFilter } from "./schema";

/** /console/audit: the audit administrator and auditors read the log. */
export async function loadAuditLog(raw: Record<string, string | string[] | undefined>) {
  await requirePolicy("loadAuditLog");
  const { filter, invalid } = parseAuditFilter(raw);
  const [{ total, rows }, entityTypes, authorities] = await Promise.all([listAuditEvents(filter, AUDIT_PAGE_SIZE), auditEntityTypes(), auditAuthorities()]);
  return { filter, invalid, total, rows, pageSize: AUDIT_PAGE_SIZE, entityTypes, authorities };
}
