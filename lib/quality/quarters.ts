import type { SchoolWhere } from "./data";
import { parseShanghaiDateTime, shanghaiToday } from "@/lib/kernel/dates";

/** How many calendar quarters the distribution of last-confirmed dates shows one by one (two years). */
export const QUARTERS_SHOWN = 8;

export type QuarterBucket = { key: string; where: SchoolWhere };

const quarterStart = (year: number, quarter: number) => parseShanghaiDateTime(`${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01T00:00`)!;

/**
 * The distribution of last-confirmed dates: never confirmed, each of the last QUARTERS_SHOWN
 * calendar quarters in Beijing time (newest first, "2026Q4"), and everything earlier. The buckets
 * are disjoint and cover every record, so they add up to the records on the register.
 */
export function quarterBuckets(now: Date): QuarterBucket[] {
  const [y, m] = shanghaiToday(now).split("-").map(Number);
  let year = y;
  let quarter = Math.floor((m - 1) / 3);
  const out: QuarterBucket[] = [{ key: "never", where: { lastConfirmedAt: null } }];
  let end: Date | null = null;
  for (let i = 0; i < QUARTERS_SHOWN; i++) {
    const start = quarterStart(year, quarter);
    out.push({ key: `${year}Q${quarter + 1}`, where: { lastConfirmedAt: end ? { gte: start, lt: end } : { gte: start } } });
    end = start;
    quarter -= 1;
    if (quarter < 0) [year, quarter] = [year - 1, 3];
  }
  out.push({ key: "earlier", where: { lastConfirmedAt: { lt: end! } } });
  return out;
}
