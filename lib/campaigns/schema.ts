import { z } from "zod";
import { isCalendarDate } from "@/lib/kernel/dates";

const id = z.string().trim().min(1, "validation.required").max(40);

export const openCampaignSchema = z.object({
  year: z.coerce.number({ message: "validation.required" }).int("validation.required").min(2000, "validation.tooSmall").max(2100, "validation.tooBig"),
  deadline: z.string().trim().refine(isCalendarDate, { message: "validation.date" }),
});

export const closeCampaignSchema = z.object({ campaignId: id });

/** The records chosen on the list: "id:version" each (the version seen, as the single confirm requires). */
export const confirmManySchema = z.object({
  items: z
    .array(z.string().regex(/^[^:\s]{1,40}:\d{1,9}$/, "validation.choose"), { message: "validation.choose" })
    .min(1, "validation.choose")
    .max(500, "validation.tooBig"),
});

export type OpenCampaignInput = z.output<typeof openCampaignSchema>;
