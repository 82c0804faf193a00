"use server";

import { revalidatePath } from "next/cache";
import { formDataToObject, parseInput, runAction, type ActionResult } from "@/lib/actions/result";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { actorOf } from "./access";
import { confirmSchoolSchema, createSchoolFormSchema, editSchoolFormSchema } from "./form-schema";
import { confirmSchool, createSchool, updateSchool } from "./mutations";

type Input = FormData | Record<string, unknown>;
const toObject = (input: Input) => (input instanceof FormData ? formDataToObject(input) : { ...input });

/** Registers a new school. An officer's school always belongs to the officer's authority. */
export async function createSchoolAction(input: Input): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const user = await authorize("createSchoolAction");
    const raw = toObject(input);
    if (user.role === "PROVINCE_OFFICER" && !raw.authorityId) raw.authorityId = user.authorityId;
    const data = parseInput(createSchoolFormSchema, raw);
    // An officer naming another authority is refused here (FORBIDDEN), before any read.
    const scope = getAuthorityScope(user, data.authorityId);
    const res = await createSchool(scope, actorOf(user), data);
    if (res.ok) revalidatePath("/console/schools");
    return res;
  });
}

/** Saves the edit form; the version it carries must still be current (no lost updates). */
export async function updateSchoolAction(input: Input): Promise<ActionResult<{ id: string; version: number; changed: number }>> {
  return runAction(async () => {
    const user = await authorize("updateSchoolAction");
    const data = parseInput(editSchoolFormSchema, toObject(input));
    const res = await updateSchool(getAuthorityScope(user), actorOf(user), data);
    if (res.ok) {
      revalidatePath("/console/schools");
      revalidatePath(`/console/schools/${data.id}`);
    }
    return res;
  });
}

/** "确认信息无误": one click, audited, for the version on screen. */
export async function confirmSchoolAction(input: Input): Promise<ActionResult<{ id: string; version: number; confirmedAt: string }>> {
  return runAction(async () => {
    const user = await authorize("confirmSchoolAction");
    const data = parseInput(confirmSchoolSchema, toObject(input));
    const res = await confirmSchool(getAuthorityScope(user), actorOf(user), data);
    if (res.ok) {
      revalidatePath("/console/schools");
      revalidatePath(`/console/schools/${data.id}`);
    }
    return res;
  });
}
