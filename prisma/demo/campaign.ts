import { dateOnly, shanghaiToday } from "../../lib/kernel/dates";

const DAY = 86_400_000;

/**
 * The demo's annual confirmation (lib/campaigns): opened 20 days ago, due in 40, so a new user sees
 * it running — the records the demo confirmed in the last 20 days count, the rest are still to do.
 */
export function demoCampaign(now: Date) {
  const openedAt = new Date(now.getTime() - 20 * DAY);
  return {
    id: "demo-campaign",
    year: Number(shanghaiToday(now).slice(0, 4)),
    deadline: dateOnly(shanghaiToday(new Date(now.getTime() + 40 * DAY))),
    openedAt,
    openedById: "system",
  };
}
