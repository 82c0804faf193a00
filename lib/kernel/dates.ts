/**
 * THE calendar of the registry: "now", "today" and the end of a day are those of Asia/Shanghai,
 * whatever the server's zone (China has no daylight saving time, so the offset is fixed).
 * Calendar dates (@db.Date columns) travel as "YYYY-MM-DD" and are stored as UTC midnight.
 * Tests move time with `clock.now` instead of waiting.
 */
export const REGISTRY_TIME_ZONE = "Asia/Shanghai";
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The time every rule sees (sign-in lockouts, session timeouts, "today"); tests replace `now`. */
export const clock = {
  now: (): Date => new Date(),
};

/** The calendar day in Shanghai at `now`, as "YYYY-MM-DD". */
export function shanghaiToday(now: Date = clock.now()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A @db.Date value (UTC midnight) as "YYYY-MM-DD". */
export function ymd(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** "YYYY-MM-DD" → the UTC-midnight Date a @db.Date column stores. */
export function dateOnly(v: string): Date {
  return new Date(`${v}T00:00:00.000Z`);
}

/** The same for an optional value: empty → null. */
export function dateOnlyOrNull(v: string | null | undefined): Date | null {
  return v ? dateOnly(v) : null;
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = dateOnly(s);
  return !Number.isNaN(d.getTime()) && ymd(d) === s;
}

/** The first instant AFTER the given Shanghai calendar day: events at or after it are "after that day". */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** "2025-03-01T09:00" typed into a form means 09:00 in Beijing; null when it is not such a value. */
export function parseShanghaiDateTime(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0) - SHANGHAI_OFFSET_MS;
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** The value for an <input type="datetime-local"> showing this instant in China time. */
export function toShanghaiInput(d: Date, withSeconds = false): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, withSeconds ? 19 : 16);
}

/** A date-time shown to people in Shanghai time, e.g. "2026-05-01 14:03:09". */
export function formatShanghai(d: Date, locale = "zh-CN"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: REGISTRY_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(d);
}
