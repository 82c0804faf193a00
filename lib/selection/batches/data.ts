import "server-only";
import { db } from "@/lib/db/client";

/** What names a batch wherever batches are listed (the console's lists and the public notices). */
export const batchNameSelect = { id: true, year: true, nameZh: true, nameEn: true, kind: true, status: true, isDemo: true } as const;

const batchListSelect = { ...batchNameSelect, targetCount: true, windowOpensAt: true, windowClosesAt: true, noticeEndsAt: true } as const;

/** Every batch, newest first, with its application counts by status (ministry pages). */
export async function listBatches() {
  const [batches, counts] = await Promise.all([
    db().selectionBatch.findMany({ orderBy: [{ year: "desc" }, { createdAt: "desc" }], select: batchListSelect }),
    db().selectionApplication.groupBy({ by: ["batchId", "status"], _count: { _all: true } }),
  ]);
  return batches.map((b) => ({
    ...b,
    counts: Object.fromEntries(counts.filter((c) => c.batchId === b.id).map((c) => [c.status, c._count._all])) as Record<string, number>,
  }));
}

export async function getBatch(id: string) {
  return db().selectionBatch.findUnique({
    where: { id },
    select: {
      ...batchListSelect,
      eligibleTiers: true,
      eligibleStatuses: true,
      defaultQuota: true,
      noticeDays: true,
      reviewClosesAt: true,
      minExperts: true,
      spreadThreshold: true,
      cutLine: true,
      noticeStartsAt: true,
      announcedAt: true,
      documentNo: true,
      indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true, weight: true, maxScore: true } },
      quotas: { select: { authorityId: true, quota: true } },
    },
  });
}
export type BatchDetail = NonNullable<Awaited<ReturnType<typeof getBatch>>>;

/** Batches a province officer deals with: those open or past application, never drafts. */
export async function listBatchesForAuthority(authorityId: string) {
  const [batches, counts, quotas] = await Promise.all([
    db().selectionBatch.findMany({
      where: { status: { not: "DRAFT" } },
      orderBy: [{ year: "desc" }, { createdAt: "desc" }],
      select: { ...batchListSelect, defaultQuota: true },
    }),
    db().selectionApplication.groupBy({ by: ["batchId", "status"], where: { authorityId }, _count: { _all: true } }),
    db().selectionQuota.findMany({ where: { authorityId }, select: { batchId: true, quota: true } }),
  ]);
  return batches.map((b) => ({
    ...b,
    quota: quotas.find((q) => q.batchId === b.id)?.quota ?? b.defaultQuota,
    counts: Object.fromEntries(counts.filter((c) => c.batchId === b.id).map((c) => [c.status, c._count._all])) as Record<string, number>,
  }));
}

/** Applications by authority and status within a batch (ministry overview). */
export async function batchCountsByAuthority(batchId: string) {
  const g = await db().selectionApplication.groupBy({ by: ["authorityId", "status"], where: { batchId }, _count: { _all: true } });
  return g.map((r) => ({ authorityId: r.authorityId, status: r.status, count: r._count._all }));
}
