import "server-only";
import { notFound } from "next/navigation";
import { requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { listAuthorities } from "@/lib/authorities/data";
import { getBatch } from "../batches/data";
import { eligibleExperts } from "../conflicts";
import { computeResults } from "../results";
import { listExperts } from "../reviews/data";
import { expertTotal, suggestedCutLine } from "../scoring";
import { batchResultRows } from "./data";

/** The page's row, then the batch; `canAct` when the caller may take the page's steps (the auditor reads). */
async function ministryBatch(page: "loadBatchReview" | "loadBatchResults", step: "assignExpertAction" | "setCutLineAction", batchId: string) {
  const user = await requirePolicy(page);
  const batch = await getBatch(batchId);
  if (!batch) notFound();
  return { user, batch, canAct: may(user, step) };
}

/** Assignment: each recommended application, its experts, and the experts it may be offered. */
export async function loadBatchReview(batchId: string) {
  const { batch, canAct } = await ministryBatch("loadBatchReview", "assignExpertAction", batchId);
  const [rows, experts, authorities] = await Promise.all([batchResultRows(batchId), listExperts(), listAuthorities()]);
  return {
    batch,
    authorities,
    canAct: canAct && batch.status === "REVIEWING",
    apps: rows.map((a) => {
      const live = a.assignments.filter((x) => x.status !== "WITHDRAWN");
      const taken = new Set(live.map((x) => x.expertId));
      return {
        ...a,
        live,
        // Conflicted experts are never offered (and the action refuses them anyway).
        offers: eligibleExperts(experts, a)
          .filter((e) => !taken.has(e.id))
          .map((e) => ({ id: e.id, displayName: e.displayName, authorityId: e.authorityId })),
        submitted: live.filter((x) => x.status === "SUBMITTED").length,
      };
    }),
  };
}

/** Results: weighted scores, spread, ranking, decisions and the cut line (ministry view, names shown). */
export async function loadBatchResults(batchId: string) {
  const { batch, canAct } = await ministryBatch("loadBatchResults", "setCutLineAction", batchId);
  const rows = await batchResultRows(batchId);
  const results = computeResults(
    batch.indicators,
    batch.spreadThreshold,
    rows.map((r) => ({ id: r.id, tier: r.school.tier, assignments: r.assignments })),
  );
  const ranked = rows
    .map((r) => {
      const res = results.get(r.id)!;
      const experts = r.assignments
        .filter((a) => a.status === "SUBMITTED")
        .map((a) => ({ name: a.expert.displayName, total: expertTotal(batch.indicators, Object.fromEntries(a.scores.map((s) => [s.indicatorId, s.score]))) }));
      return { ...r, result: res, experts };
    })
    .sort((a, b) => (a.result.rank ?? 1e9) - (b.result.rank ?? 1e9) || a.id.localeCompare(b.id));
  return {
    batch,
    canAct: canAct && batch.status === "DECIDING",
    ranked,
    suggestedCutLine: suggestedCutLine(
      ranked.map((r) => r.result.final),
      batch.targetCount,
    ),
    undecided: ranked.filter((r) => r.status === "RECOMMENDED").length,
    selected: ranked.filter((r) => r.status === "SELECTED" || r.status === "DESIGNATED").length,
  };
}
