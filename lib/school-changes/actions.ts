"use server";

import { revalidatePath } from "next/cache";
import { parseInput, runAction, type ActionResult } from "@/lib/actions/result";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import type { GatedName } from "@/lib/auth/policy";
import { changeSchoolStatus, changeSchoolTier, renameSchool } from "./mutations";
import { renameSchema, statusChangeSchema, tierChangeSchema } from "./schema";

/**
 * Server actions of the dated changes (status, merge, tier, rename). Shaped for useActionState:
 * (previous state, form data). Each validates, gates (role, then the authority scope inside the
 * mutation's read) and revalidates the school's console pages.
 */
type Done = { schoolId: string; version: number };
type State = ActionResult<Done> | null;

async function writer(action: GatedName) {
  const user = await authorize(action);
  return { actor: { id: user.id, label: user.displayName || user.username }, scope: getAuthorityScope(user) };
}

function revalidateSchool(result: ActionResult<Done>) {
  if (result.ok) revalidatePath(`/console/schools/${result.data.schoolId}`, "layout");
  return result;
}

export async function changeStatusAction(_prev: State, formData: FormData): Promise<ActionResult<Done>> {
  return runAction(async () => {
    const { actor, scope } = await writer("changeStatusAction");
    const input = parseInput(statusChangeSchema, formData);
    return revalidateSchool(await changeSchoolStatus(actor, scope, input));
  });
}

export async function changeTierAction(_prev: State, formData: FormData): Promise<ActionResult<Done>> {
  return runAction(async () => {
    const { actor, scope } = await writer("changeTierAction");
    const input = parseInput(tierChangeSchema, formData);
    return revalidateSchool(await changeSchoolTier(actor, scope, input));
  });
}

export async function renameAction(_prev: State, formData: FormData): Promise<ActionResult<Done>> {
  return runAction(async () => {
    const { actor, scope } = await writer("renameAction");
    const input = parseInput(renameSchema, formData);
    return revalidateSchool(await renameSchool(actor, scope, input));
  });
}
