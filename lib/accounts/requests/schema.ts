import { z } from "zod";
import { requiredText } from "@/lib/validation/safe-text";
import { createAccountSchema } from "../schema";

/** Inputs of the request pages and actions (dual control of privileged accounts, docs/decisions/0052). */

/**
 * Why: the requester's reason, the rejecter's reason — one line a person reads before deciding, so
 * THE text rule applies (no direction override making it read otherwise, nothing invisible or broken).
 */
export const requestReasonSchema = requiredText(500);

/** The actions on an existing account that a request can ask for (creation is the other kind). */
export const ACCOUNT_CHANGE_KINDS = ["RESET_PASSWORD", "DISABLE", "ENABLE", "END_SESSIONS"] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

export const accountChangeRequestSchema = z.object({
  id: z.string().trim().min(1).max(40),
  kind: z.enum(ACCOUNT_CHANGE_KINDS, { message: "validation.choose" }),
  reason: requestReasonSchema,
});
export type AccountChangeRequestInput = z.output<typeof accountChangeRequestSchema>;

/** The create form's fields, and the reason. */
export const accountCreationRequestSchema = createAccountSchema.and(z.object({ reason: requestReasonSchema }));
export type AccountCreationRequestInput = z.output<typeof accountCreationRequestSchema>;

export const requestIdSchema = z.object({ requestId: z.string().trim().min(1).max(40) });

export const rejectRequestSchema = requestIdSchema.extend({ reason: requestReasonSchema });
