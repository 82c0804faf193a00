import "server-only";
import { readDb } from "@/lib/db/client";
import type { SchoolTier, SelectionBatchStatus, SelectionKind } from "@/lib/kernel/enums";

/**
 * Raw counts toward the programme targets, from the database (the replica when there is one):
 *  - announced: national quality designations still standing (ACTIVE or ACCEPTED);
 *  - in process: applications submitted and still in the running (submitted, recommended or
 *    selected) in batches not yet announced.
 */
export type CountRow = { kind: SelectionKind; authorityId: string; tier: SchoolTier; n: number };
export type BatchCountRow = { batchId: string; announced: number; inProcess: number };

export async function announcedCounts(): Promise<CountRow[]> {
  const rows = await readDb().$queryRaw<{ kind: string; authorityId: string; tier: SchoolTier; n: number }[]>`
    SELECT d.kind::text AS kind, s."authorityId", s.tier::text AS tier, count(*)::int AS n
    FROM "Designation" d JOIN "School" s ON s.id = d."schoolId"
    WHERE d.kind IN ('QUALITY_SCHOOL', 'QUALITY_MAJOR') AND d.level = 'NATIONAL' AND d.status IN ('ACTIVE', 'ACCEPTED')
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ kind: r.kind === "QUALITY_SCHOOL" ? "SCHOOL" : "MAJOR", authorityId: r.authorityId, tier: r.tier, n: Number(r.n) }));
}

export async function inProcessCounts(): Promise<CountRow[]> {
  const rows = await readDb().$queryRaw<CountRow[]>`
    SELECT b.kind::text AS kind, a."authorityId", s.tier::text AS tier, count(*)::int AS n
    FROM "SelectionApplication" a
      JOIN "SelectionBatch" b ON b.id = a."batchId"
      JOIN "School" s ON s.id = a."schoolId"
    WHERE a.status IN ('SUBMITTED', 'RECOMMENDED', 'SELECTED') AND b.status IN ('APPLYING', 'REVIEWING', 'DECIDING', 'NOTICE')
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function batchCounts(): Promise<BatchCountRow[]> {
  const rows = await readDb().$queryRaw<BatchCountRow[]>`
    SELECT a."batchId",
      count(*) FILTER (WHERE a.status = 'DESIGNATED' AND d.status IN ('ACTIVE', 'ACCEPTED'))::int AS announced,
      count(*) FILTER (WHERE a.status IN ('SUBMITTED', 'RECOMMENDED', 'SELECTED') AND b.status IN ('APPLYING', 'REVIEWING', 'DECIDING', 'NOTICE'))::int AS "inProcess"
    FROM "SelectionApplication" a
      JOIN "SelectionBatch" b ON b.id = a."batchId"
      LEFT JOIN "Designation" d ON d.id = a."designationId"
    GROUP BY 1`;
  return rows.map((r) => ({ batchId: r.batchId, announced: Number(r.announced), inProcess: Number(r.inProcess) }));
}

/** Batches shown on the progress page: everything past the draft, not cancelled. */
export async function progressBatches() {
  return readDb().selectionBatch.findMany({
    where: { status: { notIn: ["DRAFT", "CANCELLED"] satisfies SelectionBatchStatus[] } },
    orderBy: [{ year: "asc" }, { kind: "asc" }, { createdAt: "asc" }],
    select: { id: true, year: true, nameZh: true, nameEn: true, kind: true, status: true, targetCount: true, noticeEndsAt: true, isDemo: true },
  });
}
