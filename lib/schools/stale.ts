import type { SchoolStatus } from "@/lib/kernel/enums";
import { ON_REGISTER, staleBefore } from "./rules";

/**
 * A record is stale when a school still on the register has not been confirmed for
 * STALE_AFTER_MONTHS (never confirmed counts as stale). The same rule as the console home count
 * (lib/stats/data.ts scopeCounts) and the list's `stale=1` filter (lib/schools/data.ts).
 */
export function isStale(row: { status: SchoolStatus; lastConfirmedAt: Date | null }, now = new Date()): boolean {
  if (!ON_REGISTER.includes(row.status)) return false;
  return row.lastConfirmedAt === null || row.lastConfirmedAt < staleBefore(now);
}

/** The same rule as a Prisma `where` (the console home, the inbox and the list count alike). */
export function staleWhere(now = new Date()) {
  return { status: { in: ON_REGISTER }, OR: [{ lastConfirmedAt: null }, { lastConfirmedAt: { lt: staleBefore(now) } }] };
}
