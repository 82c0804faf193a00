import type { SchoolStatus } from "@/lib/kernel/enums";

/** Statuses of a school that is still on the register (counted in national totals). */
export const ON_REGISTER: SchoolStatus[] = ["PREPARING", "OPERATING", "ENROLMENT_SUSPENDED", "RECTIFYING"];

/** A record not confirmed for this long is flagged as stale. */
export const STALE_AFTER_MONTHS = 12;

export function staleBefore(now = new Date()): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() - STALE_AFTER_MONTHS);
  return d;
}
