/**
 * Dates typed into the selection forms are China time (UTC+8, no daylight saving), whatever the
 * server's zone: "2025-03-01T09:00" means 09:00 in Beijing.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export function parseShanghaiDateTime(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0) - SHANGHAI_OFFSET_MS;
  const date = new Date(ms);
  return Number.isNaN(ms) ? null : date;
}

/** The value for an <input type="datetime-local"> showing this instant in China time. */
export function toShanghaiInput(d: Date, withSeconds = false): string {
  const iso = new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return iso.slice(0, withSeconds ? 19 : 16);
}

/** "YYYY-MM-DD" → a UTC-midnight Date for a @db.Date column. */
export function parseDateOnly(v: string): Date {
  return new Date(`${v}T00:00:00.000Z`);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 24 * 3600 * 1000);
}
