"use server";

import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import type { GatedName } from "@/lib/auth/policy";
import { parseInput, runAction } from "@/lib/actions/result";
import { z } from "zod";
import { removeAttachment } from "../attachments/mutations";
import { actorOf } from "../refusal";
import { revalidateSelection } from "../revalidate";
import { applicationStepSchema, createApplicationSchema, recommendationsSchema, saveApplicationSchema } from "../schema";
import { createApplication, saveApplication, saveRecommendations, stepApplication } from "./mutations";

/** Applying and recommending are the province officer's, for their own authority only. */
async function officer(action: GatedName) {
  const user = await authorize(action);
  return { user, scope: getAuthorityScope(user) };
}

export async function createApplicationAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const { user, scope } = await officer("createApplicationAction");
    const data = parseInput(createApplicationSchema, input);
    const r = await createApplication(actorOf(user), scope, data);
    revalidateSelection();
    return r;
  });
}

export async function saveApplicationAction(input: Record<string, unknown>) {
  return runAction(async () => {
    const { user, scope } = await officer("saveApplicationAction");
    const data = parseInput(saveApplicationSchema, input);
    await saveApplication(actorOf(user), scope, data);
    revalidateSelection();
    return null;
  });
}

const stepAction = { submit: "submitApplicationAction", reopen: "reopenApplicationAction", withdraw: "withdrawApplicationAction" } as const;

async function step(input: FormData | Record<string, unknown>, s: keyof typeof stepAction) {
  return runAction(async () => {
    const { user, scope } = await officer(stepAction[s]);
    const { applicationId, version } = parseInput(applicationStepSchema, input);
    await stepApplication(actorOf(user), scope, applicationId, version, s);
    revalidateSelection();
    return null;
  });
}

export async function submitApplicationAction(input: FormData | Record<string, unknown>) {
  return step(input, "submit");
}
export async function reopenApplicationAction(input: FormData | Record<string, unknown>) {
  return step(input, "reopen");
}
export async function withdrawApplicationAction(input: FormData | Record<string, unknown>) {
  return step(input, "withdraw");
}

export async function saveRecommendationsAction(input: Record<string, unknown>) {
  return runAction(async () => {
    const { user, scope } = await officer("saveRecommendationsAction");
    const data = parseInput(recommendationsSchema, input);
    const r = await saveRecommendations(actorOf(user), scope, data.batchId, data.ordered);
    revalidateSelection();
    return r;
  });
}

const removeAttachmentSchema = z.object({ attachmentId: z.string().min(1).max(40) });

export async function removeAttachmentAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const { user, scope } = await officer("removeAttachmentAction");
    const { attachmentId } = parseInput(removeAttachmentSchema, input);
    await removeAttachment(actorOf(user), scope, attachmentId);
    revalidateSelection();
    return null;
  });
}
