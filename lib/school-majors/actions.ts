"use server";

import { revalidatePath } from "next/cache";
import { parseInput, runAction, type ActionResult } from "@/lib/actions/result";
import { getAuthorityScope, getRole } from "@/lib/auth/gates";
import { WRITER_ROLES } from "@/lib/school-changes/access";
import { addSchoolMajor, changeSchoolMajorStatus } from "./mutations";
import { addSchoolMajorSchema, changeSchoolMajorStatusSchema } from "./schema";

/** Server actions of a school's majors, shaped for useActionState: (previous state, form data). */
async function writer() {
  const user = await getRole(...WRITER_ROLES);
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
    const input = parseInput(addSchoolMajorSchema, formData);
    const { actor, scope } = await writer();
    return revalidate(await addSchoolMajor(actor, scope, input));
  });
}

export async function changeSchoolMajorStatusAction(_prev: ActionResult<Changed> | null, formData: FormData): Promise<ActionResult<Changed>> {
  return runAction(async () => {
    const input = parseInput(changeSchoolMajorStatusSchema, formData);
    const { actor, scope } = await writer();
    return revalidate(await changeSchoolMajorStatus(actor, scope, input));
  });
}
