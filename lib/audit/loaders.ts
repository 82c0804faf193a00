import "server-only";
import { requireRole } from "@/lib/auth/gates";
import { AUDIT_READERS } from "@/lib/auth/roles";
import { auditAuthorities, auditEntityTypes, listAuditEvents } from "./data";
import { AUDIT_PAGE_SIZE, parseAuditFilter } from "./schema";

/** /console/audit: the audit administrator and auditors read the log. */
export async function loadAuditLog(raw: Record<string, string | string[] | undefined>) {
  await requireRole(...AUDIT_READERS);
  const { filter, invalid } = parseAuditFilter(raw);
  const [{ total, rows }, entityTypes, authorities] = await Promise.all([listAuditEvents(filter, AUDIT_PAGE_SIZE), auditEntityTypes(), auditAuthorities()]);
  return { filter, invalid, total, rows, pageSize: AUDIT_PAGE_SIZE, entityTypes, authorities };
}
