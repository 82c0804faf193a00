import { BOM, csvLine } from "@/lib/opendata/csv";
import type { AuditRow } from "./data";

/**
 * The audit log as CSV: UTF-8 with a BOM (Excel reads Chinese correctly), RFC 4180 quoting, and
 * every cell that a spreadsheet would run as a formula neutralised (lib/opendata/csv.ts) — the log
 * holds text typed by anyone, including attempted usernames.
 */
export const AUDIT_CSV_FIELDS = [
  "at",
  "actorLabel",
  "actorId",
  "action",
  "entityType",
  "entityId",
  "authorityId",
  "source",
  "reason",
  "before",
  "after",
] as const;

/** "2026-03-02T09:00:00.000+08:00": the instant, written in China's time zone. */
export function shanghaiIso(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString().replace("Z", "");
  return `${local}+08:00`;
}

export function auditCsvHeader(labels: Record<(typeof AUDIT_CSV_FIELDS)[number], string>): string {
  return `${BOM}${csvLine(AUDIT_CSV_FIELDS.map((f) => labels[f]))}\r\n`;
}

export function auditCsvRows(rows: AuditRow[]): string {
  return rows
    .map(
      (r) =>
        `${csvLine([shanghaiIso(r.at), r.actorLabel, r.actorId, r.action, r.entityType, r.entityId, r.authorityId, r.source, r.reason, r.before, r.after])}\r\n`,
    )
    .join("");
}
