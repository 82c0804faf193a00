import type { SchoolMajorStatus, SchoolStatus, SchoolTier, SelectionBatchStatus, SelectionKind } from "@/lib/kernel/enums";

/**
 * May this school (or this school's major) apply to this batch, for this authority, now?
 * Each refusal carries a reason key (selection.eligibility.<reason>) so the officer sees why.
 */
export type EligibilityInput = {
  batch: {
    status: SelectionBatchStatus;
    kind: SelectionKind;
    eligibleTiers: readonly SchoolTier[];
    eligibleStatuses: readonly SchoolStatus[];
    windowOpensAt: Date;
    windowClosesAt: Date;
  };
  school: { authorityId: string; tier: SchoolTier; status: SchoolStatus };
  /** Required for a MAJOR batch: the offering applied for, which must be the school's. */
  schoolMajor?: { schoolId: string; status: SchoolMajorStatus } | null;
  schoolId: string;
  actorAuthorityId: string;
  /** An active quality designation of the same kind already exists (same school, or same major). */
  alreadyDesignated: boolean;
  /** Another live application for the same school (or major) exists in this batch. */
  alreadyApplied: boolean;
  now: Date;
};

export type Ineligible =
  | "batchNotOpen"
  | "windowNotOpen"
  | "windowClosed"
  | "wrongAuthority"
  | "wrongTier"
  | "wrongStatus"
  | "majorRequired"
  | "majorNotOffered"
  | "alreadyDesignated"
  | "alreadyApplied";

export type Eligibility = { ok: true } | { ok: false; reason: Ineligible; params?: Record<string, string> };

const LIVE_MAJOR: SchoolMajorStatus[] = ["FILED", "ENROLLING"];

/** The window is half-open: [opensAt, closesAt). */
export function windowState(batch: EligibilityInput["batch"], now: Date): "before" | "open" | "after" {
  if (now < batch.windowOpensAt) return "before";
  if (now >= batch.windowClosesAt) return "after";
  return "open";
}

export function checkEligibility(i: EligibilityInput): Eligibility {
  if (i.batch.status !== "APPLYING") return { ok: false, reason: "batchNotOpen" };
  const w = windowState(i.batch, i.now);
  if (w === "before") return { ok: false, reason: "windowNotOpen" };
  if (w === "after") return { ok: false, reason: "windowClosed" };
  if (i.school.authorityId !== i.actorAuthorityId) return { ok: false, reason: "wrongAuthority" };
  if (!i.batch.eligibleTiers.includes(i.school.tier)) return { ok: false, reason: "wrongTier", params: { tier: i.school.tier } };
  if (!i.batch.eligibleStatuses.includes(i.school.status)) return { ok: false, reason: "wrongStatus", params: { status: i.school.status } };
  if (i.batch.kind === "MAJOR") {
    if (!i.schoolMajor) return { ok: false, reason: "majorRequired" };
    if (i.schoolMajor.schoolId !== i.schoolId || !LIVE_MAJOR.includes(i.schoolMajor.status)) return { ok: false, reason: "majorNotOffered" };
  }
  if (i.alreadyDesignated) return { ok: false, reason: "alreadyDesignated" };
  if (i.alreadyApplied) return { ok: false, reason: "alreadyApplied" };
  return { ok: true };
}
