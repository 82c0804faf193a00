import "server-only";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { clock } from "@/lib/kernel/dates";
import { campaignProgress, latestCampaign, notConfirmedOnTime, unconfirmedRecords } from "./data";
import { campaignEnded } from "./rules";

/**
 * /console/campaign: the latest campaign, its progress by province in the caller's scope (the
 * ministry: every province), and — while it runs — the officer's records still to confirm.
 */
export async function loadCampaign() {
  const user = await requirePolicy("loadCampaign");
  const scope = requireAuthorityScope(user);
  const now = clock.now();
  const campaign = await latestCampaign();
  const ended = campaign ? campaignEnded(campaign, now) : true;
  const [progress, pending] = campaign
    ? await Promise.all([campaignProgress(scope, campaign), ended || !scope.authorityId ? [] : unconfirmedRecords(scope, campaign)])
    : [[], []];
  return {
    campaign,
    ended,
    progress,
    pending,
    canOpen: may(user, "openCampaignAction"),
    canConfirm: may(user, "confirmCampaignRecordsAction") && scope.authorityId !== null,
  };
}

/** The public school page's 未按期核验 flag (today's record only): the year of the ended campaign it missed, or null. */
export async function loadConfirmationFlag(school: { status: string; lastConfirmedAt: string | null }) {
  return notConfirmedOnTime(school, clock.now());
}
