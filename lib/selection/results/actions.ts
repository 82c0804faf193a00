"use server";

import { authorize } from "@/lib/auth/gates";
import { parseInput, runAction } from "@/lib/actions/result";
import { actorOf } from "../refusal";
import { revalidateSelection } from "../revalidate";
import { cutLineSchema, decideByCutLineSchema, decisionSchema } from "../schema";
import { decide, decideByCutLine, setCutLine } from "./mutations";

export async function setCutLineAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("setCutLineAction");
    const data = parseInput(cutLineSchema, input);
    await setCutLine(actorOf(user), data.batchId, data.cutLine);
    revalidateSelection();
    return null;
  });
}

export async function decideAction(input: Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("decideAction");
    const data = parseInput(decisionSchema, input);
    await decide(actorOf(user), data.applicationId, data.selected, data.reason);
    revalidateSelection();
    return null;
  });
}

export async function decideByCutLineAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("decideByCutLineAction");
    const data = parseInput(decideByCutLineSchema, input);
    const r = await decideByCutLine(actorOf(user), data.batchId);
    revalidateSelection();
    return r;
  });
}
