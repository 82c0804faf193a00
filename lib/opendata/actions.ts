"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/gates";
import { publishRelease } from "./releases/publish";

/** Publishes an open-data release now (ministry administrators only; audited by the mutation). */
export async function publishReleaseAction(_prev: unknown, _form: FormData): Promise<ActionResult<{ slug: string }>> {
  return runAction(async () => {
    const user = await authorize("publishReleaseAction");
    const r = await publishRelease({ id: user.id, label: user.username }, { source: "web" });
    revalidatePath("/data");
    return { slug: r.slug };
  });
}
