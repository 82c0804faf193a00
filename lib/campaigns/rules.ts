import { endOfShanghaiDay, ymd } from "@/lib/kernel/dates";

export type CampaignDates = { deadline: Date; openedAt: Date; closedAt: Date | null };

/**
 * THE campaign rules (docs/decisions/0066). A campaign has ended when the ministry closed it or its
 * deadline (a Shanghai calendar day, inclusive) has passed; a record counts as confirmed in it when
 * it was confirmed (the one-click confirm, School.lastConfirmedAt) on or after the campaign opened.
 */
export function campaignEnded(c: CampaignDates, now: Date): boolean {
  return c.closedAt !== null || now > endOfShanghaiDay(ymd(c.deadline)!);
}

/** The Prisma `where` of records confirmed in the campaign (the progress, the report and the flag use it alike). */
export function confirmedInWhere(c: CampaignDates) {
  return { lastConfirmedAt: { gte: c.openedAt } };
}

/** …and of those not confirmed in it. */
export function unconfirmedInWhere(c: CampaignDates) {
  return { OR: [{ lastConfirmedAt: null }, { lastConfirmedAt: { lt: c.openedAt } }] };
}
