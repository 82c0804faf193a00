"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { parseInput, runAction, type ActionResult } from "@/lib/actions/result";
import { authorize, getAuthorityScope } from "@/lib/auth/gates";
import { actorOf } from "@/lib/schools/access";
import type { DryRunSummary } from "./dry-run";
import { commitImport, type CommitResult } from "./mutations";
import { renderSummary } from "./render";

const commitSchema = z.object({ jobId: z.string().min(1).max(40) });

/**
 * Confirms a dry run: everything is re-validated and written in one transaction, or nothing.
 * When the data changed since the dry run and a row is now invalid, the answer is VALIDATION with
 * the new dry run (rendered) in `detail.summary`.
 */
export async function commitImportAction(input: { jobId: string }): Promise<ActionResult<CommitResult>> {
  return runAction(async () => {
    const user = await authorize("commitImportAction");
    const { jobId } = parseInput(commitSchema, input);
    const res = await commitImport(getAuthorityScope(user), actorOf(user), jobId);
    if (res.ok) {
      revalidatePath("/console/schools");
      revalidatePath("/console/imports");
      return res;
    }
    if (res.code === "VALIDATION" && res.detail?.summary) {
      const t = await getTranslations("validation");
      return { ...res, detail: { summary: renderSummary(res.detail.summary as DryRunSummary, t) } };
    }
    return res;
  });
}
