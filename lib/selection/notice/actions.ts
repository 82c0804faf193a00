"use server";

import { defineAction } from "@/lib/actions/define";
import { SELECTION_PATHS } from "../revalidate";
import { announceSchema, designationStepSchema, objectionSchema, publishNoticeSchema, resolveObjectionSchema } from "../schema";
import { announce, lodgeObjection, publishNotice, resolveObjection, stepDesignation } from "./mutations";

export const publishNoticeAction = defineAction({
  policy: "publishNoticeAction",
  input: publishNoticeSchema,
  run: publishNotice,
  revalidate: SELECTION_PATHS,
});

/** Public: no sign-in. The gate here is the notice period and the per-address limit (in the mutation). */
export const lodgeObjectionAction = defineAction({
  policy: "lodgeObjectionAction",
  input: objectionSchema,
  run: lodgeObjection,
  revalidate: SELECTION_PATHS,
});

export const resolveObjectionAction = defineAction({
  policy: "resolveObjectionAction",
  input: resolveObjectionSchema,
  run: resolveObjection,
  revalidate: SELECTION_PATHS,
});

export const announceAction = defineAction({
  policy: "announceAction",
  input: announceSchema,
  run: announce,
  revalidate: SELECTION_PATHS,
});

export const designationStepAction = defineAction({
  policy: "designationStepAction",
  input: designationStepSchema,
  run: stepDesignation,
  revalidate: SELECTION_PATHS,
});
