import "server-only";
import { getTranslations } from "next-intl/server";
import { getAuthority } from "@/lib/authorities/data";
import { requireAuthorityScope, requirePolicy } from "@/lib/auth/gates";
import { getOwnImportJob, listOwnImportJobs } from "./data";
import { renderSummary } from "./render";

/**
 * The import page: who may import (province officers into their own authority, ministry roles
 * anywhere), their recent uploads, and — when the URL names one of them — that upload's dry run
 * (so a reload or a link from the list shows the preview again).
 */
export async function loadImportsPage(jobId?: string) {
  const user = await requirePolicy("loadImportsPage");
  const scope = requireAuthorityScope(user);
  const [authority, recent, job] = await Promise.all([
    scope.authorityId ? getAuthority(scope.authorityId) : null,
    listOwnImportJobs(user.id),
    jobId ? getOwnImportJob(user.id, jobId) : null,
  ]);
  const t = await getTranslations("validation");
  return {
    user,
    authority,
    recent,
    job: job
      ? {
          id: job.id,
          fileName: job.fileName,
          status: job.status,
          rowCount: job.rowCount,
          summary: renderSummary(job.summary, t),
          result: job.summary.result ?? null,
        }
      : null,
  };
}
