"use server";

import { defineAction } from "@/lib/actions/define";
import { addSchoolMajor, changeSchoolMajorStatus, MAJOR_DUPLICATE } from "./mutations";
import { addSchoolMajorSchema, changeSchoolMajorStatusSchema } from "./schema";

/** Server actions of a school's majors, shaped for useActionState (the form data is the last argument). */
const schoolLayout = (_input: unknown, done: { schoolId: string }) => [{ path: `/console/schools/${done.schoolId}`, type: "layout" as const }];

export const addSchoolMajorAction = defineAction({
  policy: "addSchoolMajorAction",
  input: addSchoolMajorSchema,
  run: addSchoolMajor,
  revalidate: schoolLayout,
  // Two officers adding the same major at once: the unique index decides.
  onDuplicate: async () => MAJOR_DUPLICATE,
});

export const changeSchoolMajorStatusAction = defineAction({
  policy: "changeSchoolMajorStatusAction",
  input: changeSchoolMajorStatusSchema,
  run: changeSchoolMajorStatus,
  revalidate: schoolLayout,
});
