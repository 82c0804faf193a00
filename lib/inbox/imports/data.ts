import "server-only";
import { db } from "@/lib/db/client";

/**
 * The officer's (and the ministry's) own uploads that stopped at the dry run: checked, never
 * confirmed. An upload is personal until it is committed (lib/imports/data.ts getOwnImportJob), so
 * the item lists the caller's own jobs only, newest first, each linking back to its preview.
 */
export async function unfinishedImports(userId: string, take: number) {
  const where = { createdById: userId, status: "DRY_RUN" as const };
  const [count, rows] = await Promise.all([
    db().importJob.count({ where }),
    db().importJob.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, fileName: true, rowCount: true, createdAt: true },
    }),
  ]);
  return { count, rows };
}
