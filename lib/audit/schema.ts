import { z } from "zod";
import { noControlChars } from "@/lib/validation/text";

/**
 * The audit log's filters, from the page's query string (GET form) and the CSV export: the same
 * schema for both, so the export holds exactly what the page shows. Dates are calendar days in
 * Asia/Shanghai. A bad value is dropped (and reported), never a 500.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .refine(noControlChars)
    .transform((v) => v || undefined);
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+08:00`)))
  .optional();

export const auditFilterSchema = z.object({
  actor: text(64),
  action: text(64),
  entityType: text(40),
  entityId: text(64),
  authorityId: text(40),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;
export const AUDIT_FILTER_KEYS = Object.keys(auditFilterSchema.shape) as (keyof AuditFilter)[];
export const AUDIT_PAGE_SIZE = 50;

/** Parses a query, keeping the valid fields and naming the invalid ones. */
export function parseAuditFilter(raw: Record<string, string | string[] | undefined>): { filter: AuditFilter; invalid: string[] } {
  const picked: Record<string, string> = {};
  for (const k of AUDIT_FILTER_KEYS) {
    const v = raw[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s !== "") picked[k] = s;
  }
  const invalid: string[] = [];
  for (const k of AUDIT_FILTER_KEYS) {
    if (!(k in picked)) continue;
    if (!auditFilterSchema.shape[k].safeParse(picked[k]).success) {
      invalid.push(k);
      delete picked[k];
    }
  }
  return { filter: auditFilterSchema.parse(picked), invalid };
}

/** The start of a Shanghai calendar day, and the start of the day after (for an inclusive "to"). */
export function dayStart(d: string): Date {
  return new Date(`${d}T00:00:00+08:00`);
}
export function dayAfter(d: string): Date {
  return new Date(dayStart(d).getTime() + 24 * 3600_000);
}

/** The filter as a query string (for pagination links and the export link). */
export function auditQuery(f: AuditFilter, over: Partial<AuditFilter> = {}): string {
  const all = { ...f, ...over };
  const p = new URLSearchParams();
  for (const k of AUDIT_FILTER_KEYS) {
    const v = all[k];
    if (v === undefined || (k === "page" && v === 1)) continue;
    p.set(k, String(v));
  }
  return p.toString();
}
