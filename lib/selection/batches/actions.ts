"use server";

import { authorize } from "@/lib/auth/gates";
import { parseInput, runAction } from "@/lib/actions/result";
import { actorOf } from "../refusal";
import { revalidateSelection } from "../revalidate";
import { batchSettingsSchema, batchStepSchema, saveIndicatorsSchema, saveQuotasSchema, updateBatchSchema } from "../schema";
import { createBatch, saveIndicators, saveQuotas, stepBatch, updateBatch } from "./mutations";

/** Setting a batch up is the ministry administrator's; the later steps are any ministry user's. */
export async function createBatchAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("createBatchAction");
    const data = parseInput(batchSettingsSchema, input);
    const b = await createBatch(actorOf(user), data);
    revalidateSelection();
    return { id: b.id };
  });
}

export async function updateBatchAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("updateBatchAction");
    const { batchId, ...data } = parseInput(updateBatchSchema, input);
    await updateBatch(actorOf(user), batchId, data);
    revalidateSelection();
    return null;
  });
}

export async function saveIndicatorsAction(input: Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("saveIndicatorsAction");
    const data = parseInput(saveIndicatorsSchema, input);
    await saveIndicators(actorOf(user), data.batchId, data.indicators);
    revalidateSelection();
    return null;
  });
}

export async function saveQuotasAction(input: Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("saveQuotasAction");
    const data = parseInput(saveQuotasSchema, input);
    await saveQuotas(actorOf(user), data.batchId, data.defaultQuota, data.quotas);
    revalidateSelection();
    return null;
  });
}

const stepAction = { open: "openBatchAction", startReview: "startReviewAction", finishReview: "finishReviewAction", cancel: "cancelBatchAction" } as const;

async function step(input: FormData | Record<string, unknown>, s: keyof typeof stepAction) {
  return runAction(async () => {
    const user = await authorize(stepAction[s]);
    const { batchId } = parseInput(batchStepSchema, input);
    const r = await stepBatch(actorOf(user), batchId, s);
    revalidateSelection();
    return r;
  });
}

export async function openBatchAction(input: FormData | Record<string, unknown>) {
  return step(input, "open");
}
export async function startReviewAction(input: FormData | Record<string, unknown>) {
  return step(input, "startReview");
}
export async function finishReviewAction(input: FormData | Record<string, unknown>) {
  return step(input, "finishReview");
}
export async function cancelBatchAction(input: FormData | Record<string, unknown>) {
  return step(input, "cancel");
}
