"use server";

import { authorize } from "@/lib/auth/gates";
import { parseInput, runAction } from "@/lib/actions/result";
import { actorOf } from "../refusal";
import { revalidateSelection } from "../revalidate";
import { affiliationSchema, assignExpertSchema, reviewSchema, withdrawAssignmentSchema } from "../schema";
import { assignExpert, declareAffiliation, saveReview, withdrawAssignment } from "./mutations";

export async function assignExpertAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("assignExpertAction");
    const data = parseInput(assignExpertSchema, input);
    const r = await assignExpert(actorOf(user), data.applicationId, data.expertId);
    revalidateSelection();
    return r;
  });
}

export async function withdrawAssignmentAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("withdrawAssignmentAction");
    const data = parseInput(withdrawAssignmentSchema, input);
    await withdrawAssignment(actorOf(user), data.assignmentId);
    revalidateSelection();
    return null;
  });
}

/** Only the assigned expert, and only without a conflict (checked again in the mutation). */
export async function saveReviewAction(input: Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("saveReviewAction");
    const data = parseInput(reviewSchema, input);
    await saveReview(actorOf(user), data);
    revalidateSelection();
    return null;
  });
}

export async function declareAffiliationAction(input: FormData | Record<string, unknown>) {
  return runAction(async () => {
    const user = await authorize("declareAffiliationAction");
    const data = parseInput(affiliationSchema, input);
    const r = await declareAffiliation(actorOf(user), data.schoolId, data.note);
    revalidateSelection();
    return r;
  });
}
