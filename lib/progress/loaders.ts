import "server-only";
import { listAuthorities } from "@/lib/authorities/data";
import { requirePolicy } from "@/lib/auth/gates";
import { cachedRead } from "@/lib/db/read-cache";
import { PROGRAMME_TARGETS } from "@/lib/selection/programme";
import { announcedCounts, batchCounts, inProcessCounts, progressBatches } from "./data";
import { summarise, type ProgressSummary } from "./summary";

/**
 * The numbers toward 300 / 500. Public: no scope, nothing private. Cached until selection or
 * designation data changes (lib/db/read-cache.ts); asOf is when the numbers were computed.
 */
export function loadProgress(): Promise<ProgressSummary & { asOf: string; demo: boolean }> {
  return cachedRead("progress", computeProgress);
}

async function computeProgress(): Promise<ProgressSummary & { asOf: string; demo: boolean }> {
  const [announced, inProcess, authorities, batches, perBatch] = await Promise.all([
    announcedCounts(),
    inProcessCounts(),
    listAuthorities(),
    progressBatches(),
    batchCounts(),
  ]);
  const summary = summarise({ targets: PROGRAMME_TARGETS, announced, inProcess, authorities, batches, batchCounts: perBatch });
  return { ...summary, asOf: new Date().toISOString(), demo: batches.some((b) => b.isDemo) };
}

/** The ministry dashboard: the same figures, for ministry users (and the auditor, read-only). */
export async function loadProgressDashboard() {
  await requirePolicy("loadProgressDashboard");
  return loadProgress();
}
