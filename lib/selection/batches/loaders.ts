import "server-only";
import { notFound } from "next/navigation";
import { listAuthorities } from "@/lib/authorities/data";
import { requirePolicy } from "@/lib/auth/gates";
import { may } from "@/lib/auth/policy";
import { DEFAULT_ELIGIBLE_STATUSES, DEFAULT_ELIGIBLE_TIERS, PROGRAMME_TARGETS } from "../programme";
import { batchTable, stepsFrom } from "../states";
import { weightsSum } from "../scoring";
import { toShanghaiInput } from "@/lib/kernel/dates";
import { batchCountsByAuthority, getBatch, listBatches } from "./data";

export async function loadBatchList() {
  const user = await requirePolicy("loadBatchList");
  return { user, batches: await listBatches() };
}

/** The create form's starting values: programme targets and default eligibility, as data. */
export async function loadNewBatchForm(kind: "SCHOOL" | "MAJOR" = "SCHOOL") {
  await requirePolicy("loadNewBatchForm");
  const now = new Date();
  const year = Number(toShanghaiInput(now).slice(0, 4));
  return {
    defaults: {
      year,
      kind,
      targetCount: PROGRAMME_TARGETS[kind],
      eligibleTiers: DEFAULT_ELIGIBLE_TIERS[kind],
      eligibleStatuses: DEFAULT_ELIGIBLE_STATUSES,
      defaultQuota: 10,
      windowOpensAt: toShanghaiInput(now),
      windowClosesAt: toShanghaiInput(new Date(now.getTime() + 30 * 24 * 3600 * 1000)),
      noticeDays: 5,
      minExperts: 2,
      spreadThreshold: 15,
    },
  };
}

export async function loadBatchOverview(batchId: string) {
  const user = await requirePolicy("loadBatchOverview");
  const [batch, counts, authorities] = await Promise.all([getBatch(batchId), batchCountsByAuthority(batchId), listAuthorities()]);
  if (!batch) notFound();
  return {
    user,
    canEdit: may(user, "updateBatchAction"),
    canAct: may(user, "startReviewAction"),
    batch,
    weightsSum: weightsSum(batch.indicators),
    steps: stepsFrom(batchTable, batch.status),
    counts,
    authorities,
    form: {
      windowOpensAt: toShanghaiInput(batch.windowOpensAt),
      windowClosesAt: toShanghaiInput(batch.windowClosesAt),
      reviewClosesAt: batch.reviewClosesAt ? toShanghaiInput(batch.reviewClosesAt) : "",
    },
  };
}
