import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseFields } from "@/lib/errors";
import { dateOnly, ymd } from "@/lib/kernel/dates";
import { confirmSchool } from "@/lib/schools/mutations";
import { campaignEnded } from "./rules";
import type { OpenCampaignInput } from "./schema";

/** The ministry opens the year's campaign: one at a time (a running one must end first), a deadline not in the past. */
export async function openCampaign(ctx: WriteContext, input: OpenCampaignInput) {
  if (input.deadline < ctx.today) refuseFields({ deadline: [{ key: "campaignDeadlinePast" }] });
  const latest = await ctx.tx.confirmationCampaign.findFirst({ orderBy: { openedAt: "desc" } });
  if (latest && !campaignEnded(latest, ctx.now)) refuse("INVALID_TRANSITION", { reason: "campaignRunning" });
  if (await ctx.tx.confirmationCampaign.findUnique({ where: { year: input.year }, select: { id: true } }))
    refuseFields({ year: [{ key: "campaignYearTaken" }] }, "DUPLICATE");
  const created = await ctx.tx.confirmationCampaign.create({
    data: { year: input.year, deadline: dateOnly(input.deadline), openedAt: ctx.now, openedById: ctx.actor.id ?? "system" },
  });
  await ctx.audit({ action: "campaign.open", entityType: "ConfirmationCampaign", entityId: created.id, after: { year: input.year, deadline: input.deadline } });
  return { id: created.id };
}

/** The ministry closes a running campaign before (or after) its deadline; from then on the unconfirmed records are flagged. */
export async function closeCampaign(ctx: WriteContext, input: { campaignId: string }) {
  const campaign = await ctx.tx.confirmationCampaign.findUnique({ where: { id: input.campaignId } });
  if (!campaign) refuse("NOT_FOUND");
  if (campaign.closedAt) refuse("INVALID_TRANSITION", { reason: "campaignClosed" });
  await ctx.tx.confirmationCampaign.update({ where: { id: campaign.id }, data: { closedAt: ctx.now, closedById: ctx.actor.id ?? "system" } });
  await ctx.audit({
    action: "campaign.close",
    entityType: "ConfirmationCampaign",
    entityId: campaign.id,
    before: { deadline: ymd(campaign.deadline) },
    after: { closedAt: ctx.now.toISOString() },
  });
  return { id: campaign.id };
}

/**
 * "Confirm selected": the single confirm (lib/schools/mutations.ts confirmSchool) for each chosen
 * record, in the caller's one transaction — each versioned, audited and scoped like a click on the
 * school page; another authority's record is NOT_FOUND and nothing of the batch is written.
 */
export async function confirmMany(ctx: WriteContext, input: { items: string[] }) {
  const confirmed: string[] = [];
  for (const item of input.items) {
    const [id, version] = item.split(":");
    confirmed.push((await confirmSchool(ctx, { id, version: Number(version) })).id);
  }
  return { confirmed: confirmed.length };
}
