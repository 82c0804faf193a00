import "server-only";
import { db } from "@/lib/db/client";
import { jobExpiresAt, oldestLiveJob } from "@/lib/imports/limits";

/**
 * The officer's (and the ministry's) own uploads that stopped at the dry run: checked, never
 * confirmed. An upload is personal until it is committed (lib/imports/data.ts getOwnImportJob), so
 * the item lists the caller's own jobs only, newest first, each linking back to its preview. A dry
 * run can be confirmed for JOB_TTL_MS (lib/imports/mutations.ts refuses an older one): older ones
 * are no work left to do, and each row is due when its own time runs out.
 */
export async function unfinishedImports(userId: string, now: Date, take: number) {
  const where = { createdById: userId, status: "DRY_RUN" as const, createdAt: { gt: oldestLiveJob(now) } };
  const [count, rows] = await Promise.all([
    db().importJob.count({ where }),
    db().importJob.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, fileName: true, rowCount: true, createdAt: true },
    }),
  ]);
  return { count, rows: rows.map((j) => ({ ...j, due: jobExpiresAt(j.createdAt) })) };
}
