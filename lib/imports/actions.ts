"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import type { DryRunSummary } from "./dry-run";
import { commitImport, IMPORT_TIMEOUT_MS, type CommitResult } from "./mutations";
import { renderSummary } from "./render";

const commitSchema = z.object({ jobId: z.string().min(1).max(40) });

const commit = defineAction({
  policy: "commitImportAction",
  input: commitSchema,
  run: (ctx, input) => commitImport(ctx, input.jobId),
  revalidate: ["/console/schools", "/console/imports"],
  timeout: IMPORT_TIMEOUT_MS,
  source: "import",
});

/**
 * Confirms a dry run: everything is re-validated and written in one transaction, or nothing.
 * When the data changed since the dry run and a row is now invalid, the answer is VALIDATION with
 * the new dry run (rendered in the reader's language) in `detail.summary`.
 */
export async function commitImportAction(input: { jobId: string }): Promise<ActionResult<CommitResult>> {
  const res = await commit(input);
  if (res.ok || res.code !== "VALIDATION" || !res.detail?.summary) return res;
  const t = await getTranslations("validation");
  return { ...res, detail: { summary: renderSummary(res.detail.summary as DryRunSummary, t) } };
}
