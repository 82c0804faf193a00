"use server";

import { authorize } from "@/lib/auth/gates";
import { parseInput, runAction } from "@/lib/actions/result";
import { actorOf } from "../refusal";
import { revalidateSelection } from "../revalidate";
import { announceSchema, designationStepSchema, objectionSchema, publishNoticeSchema, resolveObjectionSchema } from "../schema";
import { addressBucket, hashedAddress } from "@/lib/request/client-address";
import { publicRequest } from "@/lib/request/context";
import { announce, lodgeObjection, publishNotice, resolveObjection, stepDesignation } from "./mutations";

export async function publishNoticeAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("publishNoticeAction");
    const data = parseInput(publishNoticeSchema, input);
    await publishNotice(actorOf(user), data.batchId, data.noticeEndsAt);
    revalidateSelection();
    return null;
  });
}

/** Public: no sign-in. The gate here is the notice period and the per-IP limit (in the mutation). */
export async function lodgeObjectionAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const data = parseInput(objectionSchema, input);
    const r = await lodgeObjection(data, hashedAddress(addressBucket((await publicRequest()).clientAddress), "objection"));
    revalidateSelection();
    return r;
  });
}

export async function resolveObjectionAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("resolveObjectionAction");
    const data = parseInput(resolveObjectionSchema, input);
    await resolveObjection(actorOf(user), data.objectionId, data.outcome, data.resolution);
    revalidateSelection();
    return null;
  });
}

export async function announceAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("announceAction");
    const data = parseInput(announceSchema, input);
    const r = await announce(actorOf(user), data);
    revalidateSelection();
    return r;
  });
}

export async function designationStepAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("designationStepAction");
    const data = parseInput(designationStepSchema, input);
    await stepDesignation(actorOf(user), data.designationId, data.step, data.reason);
    revalidateSelection();
    return null;
  });
}
