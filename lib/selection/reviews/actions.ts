"use server";

import { defineAction } from "@/lib/actions/define";
import { SELECTION_PATHS } from "../revalidate";
import { affiliationSchema, assignExpertSchema, reviewSchema, withdrawAssignmentSchema } from "../schema";
import { assignExpert, declareAffiliation, saveReview, withdrawAssignment } from "./mutations";

export const assignExpertAction = defineAction({
  policy: "assignExpertAction",
  input: assignExpertSchema,
  run: assignExpert,
  revalidate: SELECTION_PATHS,
});

export const withdrawAssignmentAction = defineAction({
  policy: "withdrawAssignmentAction",
  input: withdrawAssignmentSchema,
  run: withdrawAssignment,
  revalidate: SELECTION_PATHS,
});

/** Only the assigned expert, and only without a conflict (checked again in the mutation). */
export const saveReviewAction = defineAction({
  policy: "saveReviewAction",
  input: reviewSchema,
  run: saveReview,
  revalidate: SELECTION_PATHS,
});

export const declareAffiliationAction = defineAction({
  policy: "declareAffiliationAction",
  input: affiliationSchema,
  run: declareAffiliation,
  revalidate: SELECTION_PATHS,
});
