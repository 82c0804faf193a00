import "server-only";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import type { AuthorityScope } from "@/lib/auth/scope";
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
  const standing = await campaignStanding(scope, clock.now());
  const { campaign, ended } = standing;
  const pending = campaign && !ended && scope.authorityId ? await unconfirmedRecords(scope, campaign) : [];
  return {
    ...standing,
    pending,
    canOpen: may(user, "openCampaignAction"),
    canConfirm: may(user, "confirmCampaignRecordsAction") && scope.authorityId !== null,
  };
}

/**
 * The latest campaign, whether it has ended, and its progress by province within `scope`: the
 * campaign page and the data-quality page show the same figures. The caller has passed its gate.
 */
export async function campaignStanding(scope: AuthorityScope, now: Date) {
  const campaign = await latestCampaign();
  const ended = campaign ? campaignEnded(campaign, now) : true;
  return { campaign, ended, progress: campaign ? await campaignProgress(scope, campaign) : [] };
}
export type CampaignStanding = Awaited<ReturnType<typeof campaignStanding>>;

/** The public school page's 未按期核验 flag (today's record only): the year of the ended campaign it missed, or null. */
export async function loadConfirmationFlag(school: { status: string; lastConfirmedAt: string | null }) {
  return notConfirmedOnTime(school, clock.now());
}
