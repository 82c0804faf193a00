import "server-only";
import { campaignProgress, latestCampaign, unconfirmedRecords } from "@/lib/campaigns/data";
import { campaignEnded } from "@/lib/campaigns/rules";
import { endOfShanghaiDay, ymd } from "@/lib/kernel/dates";
import type { InboxContext, InboxItem, InboxProvider } from "./types";

const HREF = "/console/campaign";

/** The running campaign with its deadline as the end of its Shanghai day, or null (none, or ended). */
async function running(now: Date) {
  const c = await latestCampaign();
  return c && !campaignEnded(c, now) ? { ...c, due: endOfShanghaiDay(ymd(c.deadline)!) } : null;
}

const none = (key: string): InboxItem => ({ key, count: 0, due: null, href: HREF, rows: [] });

/** The officer: records on the register not yet confirmed in the running campaign, due at its deadline. */
export const campaignToConfirmItem: InboxProvider = {
  key: "campaignToConfirm",
  page: "loadCampaign",
  async load(c: InboxContext) {
    const campaign = await running(c.now);
    if (!campaign || !c.scope) return none(this.key);
    const rows = await unconfirmedRecords(c.scope, campaign);
    return {
      key: this.key,
      count: rows.length,
      due: campaign.due,
      href: HREF,
      rows: rows.slice(0, c.take).map((s) => ({ id: s.id, href: `/console/schools/${s.id}`, name: s, due: campaign.due })),
    };
  },
};

/** The ministry: provinces behind in the running campaign (not every record confirmed), fewest confirmed first. */
export const campaignBehindItem: InboxProvider = {
  key: "campaignBehind",
  page: "loadCampaign",
  async load(c: InboxContext) {
    const campaign = await running(c.now);
    if (!campaign || !c.scope) return none(this.key);
    const behind = (await campaignProgress(c.scope, campaign))
      .filter((r) => r.confirmed < r.total)
      .sort((a, b) => a.confirmed / a.total - b.confirmed / b.total);
    return {
      key: this.key,
      count: behind.length,
      due: campaign.due,
      href: HREF,
      rows: behind.slice(0, c.take).map((a) => ({
        id: a.id,
        href: HREF,
        name: a,
        due: campaign.due,
        note: { key: "campaignProgress", params: { confirmed: a.confirmed, total: a.total } },
      })),
    };
  },
};
