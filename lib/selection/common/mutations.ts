import "server-only";
import { latestEvents } from "@/lib/audit/data";
import type { Tx } from "@/lib/db/client";
import { refuse, refuseStale } from "@/lib/errors";
import type { SelectionBatchStatus } from "@/lib/kernel/enums";
import { inPhase, type BatchPhase } from "../states";
import { refusePhase } from "../refusal";

/**
 * Transaction helpers shared by the selection's mutations (each takes the write's `ctx.tx`).
 * Locking the batch row serialises the steps that count within a batch (quota, decisions,
 * announcement) on PostgreSQL; PGlite has one connection, so it is serial anyway.
 */
export async function lockBatch(tx: Tx, batchId: string) {
  await tx.$queryRaw`SELECT id FROM "SelectionBatch" WHERE id = ${batchId} FOR UPDATE`;
  const batch = await tx.selectionBatch.findUnique({ where: { id: batchId } });
  if (!batch) refuse("NOT_FOUND");
  return batch;
}

export function assertPhase(status: SelectionBatchStatus, phase: BatchPhase) {
  if (!inPhase(status, phase)) refusePhase(phase, status);
}

export async function batchIndicators(tx: Tx, batchId: string) {
  return tx.selectionIndicator.findMany({
    where: { batchId },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, nameZh: true, nameEn: true, weight: true, maxScore: true },
  });
}

/** STALE_VERSION in the one detail shape: the version now stored, and who changed the record last and when. */
export async function refuseStaleRecord(tx: Tx, entityType: string, entityId: string, version: number | null): Promise<never> {
  const [last] = await latestEvents(tx, entityType, entityId);
  refuseStale({ version, changedBy: last?.actorLabel ?? null, changedAt: last?.at.toISOString() ?? null, changes: [] });
}
