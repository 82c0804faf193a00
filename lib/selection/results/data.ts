import "server-only";
import { db } from "@/lib/db/client";

/** Statuses of applications that reached expert review. */
export const REVIEWED = ["RECOMMENDED", "SELECTED", "NOT_SELECTED", "REMOVED", "DESIGNATED"] as const;

/** Everything the results page needs for a batch (ministry only: the caller gates). */
export async function batchResultRows(batchId: string) {
  return db().selectionApplication.findMany({
    where: { batchId, status: { in: [...REVIEWED] } },
    orderBy: [{ authorityId: "asc" }, { provinceRank: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      provinceRank: true,
      authorityId: true,
      schoolId: true,
      authority: { select: { nameZh: true, nameEn: true } },
      school: { select: { id: true, nameZh: true, nameEn: true, tier: true } },
      schoolMajor: { select: { level: true, major: { select: { nameZh: true, nameEn: true } } } },
      decision: { select: { selected: true, reason: true, finalScore: true, rank: true, removedAt: true, removedReason: true, decidedAt: true } },
      assignments: {
        orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          expertId: true,
          expert: { select: { displayName: true, authorityId: true } },
          scores: { select: { indicatorId: true, score: true } },
        },
      },
    },
  });
}
export type BatchResultRow = Awaited<ReturnType<typeof batchResultRows>>[number];

/**
 * One application's ledger. The caller decides what to show: names and internal comments for the
 * ministry only, letters (专家A/专家B) elsewhere.
 */
export async function ledgerRows(applicationId: string) {
  const app = await db().selectionApplication.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      batchId: true,
      status: true,
      authorityId: true,
      schoolId: true,
      provinceRank: true,
      school: { select: { nameZh: true, tier: true } },
      decision: { select: { selected: true, reason: true, finalScore: true, rank: true, removedAt: true, removedReason: true } },
      assignments: {
        where: { status: "SUBMITTED" },
        orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          internalComment: true,
          applicantFeedback: true,
          expert: { select: { displayName: true } },
          scores: { select: { indicatorId: true, score: true } },
        },
      },
      batch: {
        select: {
          id: true,
          nameZh: true,
          nameEn: true,
          status: true,
          cutLine: true,
          spreadThreshold: true,
          indicators: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true, weight: true, maxScore: true } },
        },
      },
    },
  });
  if (!app) return null;
  // Rank is among the whole batch: the ranking needs every reviewed application's scores.
  const all = await db().selectionApplication.findMany({
    where: { batchId: app.batchId, status: { in: [...REVIEWED] } },
    select: {
      id: true,
      school: { select: { tier: true } },
      assignments: { select: { id: true, status: true, scores: { select: { indicatorId: true, score: true } } } },
    },
  });
  return { app, all: all.map((a) => ({ id: a.id, tier: a.school.tier, assignments: a.assignments })) };
}
