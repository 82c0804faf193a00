/**
 * Audit values for the change mutations: School field names, dates of date columns as
 * "YYYY-MM-DD", and only the fields that actually changed (the audit convention of AGENTS brief).
 */
export type Json = string | number | boolean | null | Json[];

export const toDate = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);
export const ymd = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** Keeps the keys whose value differs between the two sides. */
export function onlyChanged(before: Record<string, Json>, after: Record<string, Json>) {
  const b: Record<string, Json> = {};
  const a: Record<string, Json> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k] ?? null) === JSON.stringify(after[k] ?? null)) continue;
    b[k] = before[k] ?? null;
    a[k] = after[k] ?? null;
  }
  return { before: b, after: a };
}

/** The audit reason of a dated change: its document number, then the officer's note. */
export function changeReason(documentNo: string | null | undefined, note?: string | null): string | null {
  return [documentNo, note].filter(Boolean).join(" — ") || null;
}
