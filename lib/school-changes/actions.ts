"use server";

import { defineAction } from "@/lib/actions/define";
import { changeSchoolStatus, changeSchoolTier, nameTaken, renameSchool } from "./mutations";
import { renameSchema, statusChangeSchema, tierChangeSchema } from "./schema";

/**
 * Server actions of the dated changes (status, merge, tier, rename), shaped for useActionState
 * (the definer takes the form data as the last argument). Each revalidates the school's pages.
 */
const schoolLayout = (_input: unknown, done: { schoolId: string }) => [{ path: `/console/schools/${done.schoolId}`, type: "layout" as const }];

export const changeStatusAction = defineAction({ policy: "changeStatusAction", input: statusChangeSchema, run: changeSchoolStatus, revalidate: schoolLayout });

export const changeTierAction = defineAction({ policy: "changeTierAction", input: tierChangeSchema, run: changeSchoolTier, revalidate: schoolLayout });

export const renameAction = defineAction({
  policy: "renameAction",
  input: renameSchema,
  run: renameSchool,
  revalidate: schoolLayout,
  onDuplicate: async () => nameTaken(null),
});
