"use server";

import { defineAction } from "@/lib/actions/define";
import type { ActionName } from "@/lib/auth/policy";
import { removeAttachment } from "../attachments/mutations";
import { SELECTION_PATHS } from "../revalidate";
import { applicationStepSchema, createApplicationSchema, recommendationsSchema, removeAttachmentSchema, saveApplicationSchema } from "../schema";
import { createApplication, saveApplication, saveRecommendations, stepApplication, type ApplicationStepName } from "./mutations";

/** Applying and recommending are the province officer's, for their own authority only (ctx.scope). */
export const createApplicationAction = defineAction({
  policy: "createApplicationAction",
  input: createApplicationSchema,
  run: createApplication,
  revalidate: SELECTION_PATHS,
});

export const saveApplicationAction = defineAction({
  policy: "saveApplicationAction",
  input: saveApplicationSchema,
  run: saveApplication,
  revalidate: SELECTION_PATHS,
});

/** The officer's own steps on an application (submit, reopen, withdraw): one policy row each. */
const applicationStep = (policy: ActionName, step: ApplicationStepName) =>
  defineAction({ policy, input: applicationStepSchema, run: (ctx, input) => stepApplication(ctx, { ...input, step }), revalidate: SELECTION_PATHS });

export const submitApplicationAction = applicationStep("submitApplicationAction", "submit");
export const reopenApplicationAction = applicationStep("reopenApplicationAction", "reopen");
export const withdrawApplicationAction = applicationStep("withdrawApplicationAction", "withdraw");

export const saveRecommendationsAction = defineAction({
  policy: "saveRecommendationsAction",
  input: recommendationsSchema,
  run: saveRecommendations,
  revalidate: SELECTION_PATHS,
});

export const removeAttachmentAction = defineAction({
  policy: "removeAttachmentAction",
  input: removeAttachmentSchema,
  run: removeAttachment,
  revalidate: SELECTION_PATHS,
});
