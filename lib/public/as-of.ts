import { endOfShanghaiDay, isCalendarDate } from "@/lib/kernel/dates";
import { auditSide } from "./fields";

/**
 * "As of date" reconstruction from the audit trail (pure). Start from the current record and undo,
 * newest first, every audit event at or after the end of the asOf day (Asia/Shanghai), using each
 * event's `before` (which holds only the fields that changed, dates as "YYYY-MM-DD"). An entity whose
 * `*.create` event is undone did not exist yet on that date.
 */
export type AuditLike = {
  id: string;
  at: Date;
  action: string;
  entityId: string;
  before: unknown;
};

export type FlatRecord = Record<string, unknown>;

export type AsOfParse = { ok: true; asOf: string | null } | { ok: false };

/** `?asOf=` from a URL: absent or blank → none; otherwise a real calendar date, not in the future. */
export function parseAsOf(raw: string | string[] | undefined | null, today: string): AsOfParse {
  if (raw === undefined || raw === null || raw === "") return { ok: true, asOf: null };
  if (Array.isArray(raw) || !isCalendarDate(raw) || raw < "1900-01-01") return { ok: false };
  // Today or later is simply the current record.
  return { ok: true, asOf: raw >= today ? null : raw };
}

const isCreate = (action: string) => action.endsWith(".create");

/** Events that happened after the asOf day ended. */
export function eventsAfter<E extends AuditLike>(events: E[], asOf: string): E[] {
  const cutoff = endOfShanghaiDay(asOf).getTime();
  return events.filter((e) => e.at.getTime() >= cutoff);
}

/**
 * Undo `laterEvents` (all after asOf, of one entity) on `current`. Returns null when the entity
 * was created after asOf. Fields not in `fields` are left alone (internal ones are never shown).
 */
export function undoEvents(current: FlatRecord, laterEvents: AuditLike[], fields: readonly string[]): FlatRecord | null {
  const record: FlatRecord = { ...current };
  const newestFirst = [...laterEvents].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
  for (const e of newestFirst) {
    if (isCreate(e.action)) return null;
    const before = auditSide(e.before);
    for (const f of fields) if (f in before) record[f] = before[f] ?? null;
  }
  return record;
}

/** The same for a set of child entities (a school's majors, designations). */
export function undoEntities(current: FlatRecord[], laterEvents: AuditLike[], fields: readonly string[]): FlatRecord[] {
  const byEntity = new Map<string, AuditLike[]>();
  for (const e of laterEvents) (byEntity.get(e.entityId) ?? byEntity.set(e.entityId, []).get(e.entityId)!).push(e);
  return current.flatMap((row) => {
    const r = undoEvents(row, byEntity.get(String(row.id)) ?? [], fields);
    return r ? [r] : [];
  });
}
