"use server";

import { defineAction } from "@/lib/actions/define";
import type { ActionName } from "@/lib/auth/policy";
import { SELECTION_PATHS } from "../revalidate";
import { batchSettingsSchema, batchStepSchema, saveIndicatorsSchema, saveQuotasSchema, updateBatchSchema } from "../schema";
import { createBatch, saveIndicators, saveQuotas, stepBatch, updateBatch, type BatchStepName } from "./mutations";

/** Setting a batch up is the ministry administrator's; the later steps are any ministry user's (lib/auth/policy.ts). */
export const createBatchAction = defineAction({
  policy: "createBatchAction",
  input: batchSettingsSchema,
  run: createBatch,
  revalidate: SELECTION_PATHS,
});

export const updateBatchAction = defineAction({
  policy: "updateBatchAction",
  input: updateBatchSchema,
  run: updateBatch,
  revalidate: SELECTION_PATHS,
});

export const saveIndicatorsAction = defineAction({
  policy: "saveIndicatorsAction",
  input: saveIndicatorsSchema,
  run: saveIndicators,
  revalidate: SELECTION_PATHS,
});

export const saveQuotasAction = defineAction({
  policy: "saveQuotasAction",
  input: saveQuotasSchema,
  run: saveQuotas,
  revalidate: SELECTION_PATHS,
});

/** The steps without input beyond the batch: one policy row each. */
const batchStep = (policy: ActionName, step: BatchStepName) =>
  defineAction({ policy, input: batchStepSchema, run: (ctx, input) => stepBatch(ctx, { ...input, step }), revalidate: SELECTION_PATHS });

export const openBatchAction = batchStep("openBatchAction", "open");
export const startReviewAction = batchStep("startReviewAction", "startReview");
export const finishReviewAction = batchStep("finishReviewAction", "finishReview");
export const cancelBatchAction = batchStep("cancelBatchAction", "cancel");
