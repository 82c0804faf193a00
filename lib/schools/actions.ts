"use server";

import { defineAction } from "@/lib/actions/define";
import { confirmSchoolSchema, createSchoolFormSchema, editSchoolFormSchema } from "./form-schema";
import { confirmSchool, conflictsAfterRace, createSchool, updateSchool } from "./mutations";

const schoolPages = (id: string) => ["/console/schools", `/console/schools/${id}`];

/** Registers a new school. An officer's school always belongs to the officer's authority. */
export const createSchoolAction = defineAction({
  policy: "createSchoolAction",
  input: createSchoolFormSchema,
  prepare: (raw, user) => (user?.role === "PROVINCE_OFFICER" && !raw.authorityId ? { ...raw, authorityId: user.authorityId } : raw),
  run: createSchool,
  revalidate: ["/console/schools"],
  // A concurrent registration won the race for the same code or name: name the field like the pre-check.
  onDuplicate: (input) => conflictsAfterRace(input),
});

/** Saves the edit form; the version it carries must still be current (no lost updates). */
export const updateSchoolAction = defineAction({
  policy: "updateSchoolAction",
  input: editSchoolFormSchema,
  run: updateSchool,
  revalidate: (input) => schoolPages(input.id),
  onDuplicate: (input) => conflictsAfterRace({ uscc: input.uscc }, input.id),
});

/** "确认信息无误": one click, audited, for the version on screen. */
export const confirmSchoolAction = defineAction({
  policy: "confirmSchoolAction",
  input: confirmSchoolSchema,
  run: confirmSchool,
  revalidate: (input) => schoolPages(input.id),
});
