"use server";

import { defineAction } from "@/lib/actions/define";
import { createWebhook, deleteWebhook, pingWebhook, setWebhookEnabled } from "./mutations";
import { createWebhookSchema, setWebhookEnabledSchema, webhookIdSchema } from "./schema";

const PAGE = ["/console/account/webhooks"];

/** Registers a subscription; the answer holds its secret, shown once (docs/decisions/0083). */
export const createWebhookAction = defineAction({ policy: "createWebhookAction", input: createWebhookSchema, run: createWebhook, revalidate: PAGE });
export const setWebhookEnabledAction = defineAction({
  policy: "setWebhookEnabledAction",
  input: setWebhookEnabledSchema,
  run: setWebhookEnabled,
  revalidate: PAGE,
});
export const deleteWebhookAction = defineAction({ policy: "deleteWebhookAction", input: webhookIdSchema, run: deleteWebhook, revalidate: PAGE });
export const pingWebhookAction = defineAction({ policy: "pingWebhookAction", input: webhookIdSchema, run: pingWebhook, revalidate: PAGE });
