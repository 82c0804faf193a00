import type { StaleDetail } from "@/lib/errors";
import { DATE_FIELDS } from "./form-schema";

/**
 * Field-by-field differences, as the audit log stores them and as the timeline and the
 * "changed by X at T" notice show them. Pure: no database, no request.
 */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [k: string]: AuditValue };
export type Changes = { before: Record<string, AuditValue>; after: Record<string, AuditValue> };
export type DiffRow = { field: string; from: AuditValue; to: AuditValue };

/** A value as the audit log writes it: dates of date columns as "YYYY-MM-DD", timestamps as ISO. */
export function toAuditValue(field: string, v: unknown): AuditValue {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return DATE_FIELDS.has(field) ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Array.isArray(v)) return v.map((x) => toAuditValue(field, x));
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return JSON.parse(JSON.stringify(v)) as AuditValue;
}

function same(a: AuditValue, b: AuditValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields whose value differs, each side in audit form. */
export function changedFields(current: Record<string, unknown>, next: Record<string, unknown>, fields: readonly string[]): Changes {
  const before: Record<string, AuditValue> = {};
  const after: Record<string, AuditValue> = {};
  for (const f of fields) {
    if (!(f in next)) continue;
    const a = toAuditValue(f, current[f]);
    const b = toAuditValue(f, next[f]);
    if (!same(a, b)) {
      before[f] = a;
      after[f] = b;
    }
  }
  return { before, after };
}

const asRecord = (v: unknown): Record<string, AuditValue> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, AuditValue>) : {});

/**
 * Rows old → new from an audit event's before/after. Keys follow `order` first (the form's order),
 * then the rest alphabetically; a key present on one side only shows null on the other.
 */
export function diffRows(before: unknown, after: unknown, order: readonly string[] = []): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  keys.sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  // An empty list and "nothing" read the same to a person.
  const norm = (v: AuditValue | undefined) => (v === undefined || (Array.isArray(v) && v.length === 0) ? null : v);
  return keys.map((field) => ({ field, from: norm(b[field]), to: norm(a[field]) })).filter((r) => !same(r.from, r.to));
}

/**
 * What the second editor is told when their version is stale (the one STALE_VERSION shape,
 * lib/errors.ts): who changed the record last, when, and for each field changed since their
 * version, their value against the one now stored. `events` are the audit events written since
 * their version, newest first.
 */
export function staleConflict(
  events: { actorLabel: string; at: Date; after: unknown }[],
  current: Record<string, unknown> & { version: number },
  submitted: Record<string, unknown>,
  fields: readonly string[],
): StaleDetail {
  const touched = new Set<string>();
  for (const e of events) for (const k of Object.keys(asRecord(e.after))) touched.add(k);
  const changes = fields
    .filter((f) => touched.has(f) && f in submitted)
    .map((field) => ({ field, yours: toAuditValue(field, submitted[field]), theirs: toAuditValue(field, current[field]) }));
  const latest = events[0];
  return { version: current.version, changedBy: latest?.actorLabel ?? null, changedAt: latest?.at.toISOString() ?? null, changes };
}
