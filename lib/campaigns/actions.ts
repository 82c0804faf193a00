"use server";

import { defineAction } from "@/lib/actions/define";
import { closeCampaign, confirmMany, openCampaign } from "./mutations";
import { closeCampaignSchema, confirmManySchema, openCampaignSchema } from "./schema";

const PAGES = ["/console/campaign", "/console"];

/** The ministry administrator opens the year's campaign with its deadline (after a confirmation step in the form). */
export const openCampaignAction = defineAction({ policy: "openCampaignAction", input: openCampaignSchema, run: openCampaign, revalidate: PAGES });

/** …and may close it before the deadline; unconfirmed records are then flagged publicly. */
export const closeCampaignAction = defineAction({ policy: "closeCampaignAction", input: closeCampaignSchema, run: closeCampaign, revalidate: PAGES });

/** An officer confirms the records chosen on the campaign list, each like the school page's confirm, in one transaction. */
export const confirmCampaignRecordsAction = defineAction({
  policy: "confirmCampaignRecordsAction",
  input: confirmManySchema,
  run: confirmMany,
  revalidate: PAGES,
});
