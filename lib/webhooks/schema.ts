import { z } from "zod";
import { DesignationKind, WebhookTarget } from "@/lib/kernel/enums";

/** Inputs of the webhook actions (lib/webhooks/actions.ts). The form names one field per target; the chosen one is required. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const createWebhookSchema = z
  .object({
    target: z.enum(WebhookTarget),
    authorityId: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
    schoolCode: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
    designationKind: z.preprocess(blankToUndefined, z.enum(DesignationKind).optional()),
    url: z.string().trim().min(1, "validation.required").max(2000, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    const field = v.target === "AUTHORITY" ? "authorityId" : v.target === "SCHOOL" ? "schoolCode" : "designationKind";
    if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
  });

export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ id: z.string().trim().min(1).max(64) });
export const setWebhookEnabledSchema = webhookIdSchema.extend({ enabled: z.boolean() });
