/**
 * Date helpers for the public record. Calendar dates (@db.Date columns) travel as "YYYY-MM-DD";
 * "today" and "the end of a day" are those of Asia/Shanghai, whatever the server's zone.
 */
export const REGISTRY_TIME_ZONE = "Asia/Shanghai";
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has no daylight saving time.

/** A @db.Date value (UTC midnight) as "YYYY-MM-DD". */
export function ymd(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** The calendar day in Shanghai at `now`, as "YYYY-MM-DD". */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The first instant AFTER the given Shanghai calendar day: events at or after it are "after asOf". */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000 - SHANGHAI_OFFSET_MS);
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
