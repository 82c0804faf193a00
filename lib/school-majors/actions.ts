"use server";

import { revalidatePath } from "next/cache";
import { parseInput, runAction, type ActionResult } from "@/lib/actions/result";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import type { GatedName } from "@/lib/auth/policy";
import { addSchoolMajor, changeSchoolMajorStatus } from "./mutations";
import { addSchoolMajorSchema, changeSchoolMajorStatusSchema } from "./schema";

/** Server actions of a school's majors, shaped for useActionState: (previous state, form data). */
async function writer(action: GatedName) {
  const user = await authorize(action);
  return { actor: { id: user.id, label: user.displayName || user.username }, scope: getAuthorityScope(user) };
}

function revalidate<T extends { schoolId: string }>(result: ActionResult<T>) {
  if (result.ok) revalidatePath(`/console/schools/${result.data.schoolId}`, "layout");
  return result;
}

type Added = { schoolMajorId: string; schoolId: string };
type Changed = { schoolMajorId: string; schoolId: string; status: string };

export async function addSchoolMajorAction(_prev: ActionResult<Added> | null, formData: FormData): Promise<ActionResult<Added>> {
  return runAction(async () => {
    const { actor, scope } = await writer("addSchoolMajorAction");
    const input = parseInput(addSchoolMajorSchema, formData);
    return revalidate(await addSchoolMajor(actor, scope, input));
  });
}

export async function changeSchoolMajorStatusAction(_prev: ActionResult<Changed> | null, formData: FormData): Promise<ActionResult<Changed>> {
  return runAction(async () => {
    const { actor, scope } = await writer("changeSchoolMajorStatusAction");
    const input = parseInput(changeSchoolMajorStatusSchema, formData);
    return revalidate(await changeSchoolMajorStatus(actor, scope, input));
  });
}
