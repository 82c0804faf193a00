"use server";

import { defineAction } from "@/lib/actions/define";
import { SELECTION_PATHS } from "../revalidate";
import { cutLineSchema, decideByCutLineSchema, decisionSchema } from "../schema";
import { decide, decideByCutLine, setCutLine } from "./mutations";

export const setCutLineAction = defineAction({
  policy: "setCutLineAction",
  input: cutLineSchema,
  run: setCutLine,
  revalidate: SELECTION_PATHS,
});

export const decideAction = defineAction({
  policy: "decideAction",
  input: decisionSchema,
  run: decide,
  revalidate: SELECTION_PATHS,
});

export const decideByCutLineAction = defineAction({
  policy: "decideByCutLineAction",
  input: decideByCutLineSchema,
  run: decideByCutLine,
  revalidate: SELECTION_PATHS,
});
