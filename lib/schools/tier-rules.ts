import type { SchoolTier } from "@/lib/kernel/enums";
import type { FieldIssues, Issue } from "@/lib/validation/issues";

/**
 * Tier changes (shared/domain.md §1): a dated change of the same school, one step at a time
 * ("一般应遵循…逐级申请"), up or down, unless an override with a written justification.
 * A 技师学院 is approved by the provincial government; the other tiers by the provincial HR bureau.
 */
export const TIER_ORDER: readonly SchoolTier[] = ["TECHNICAL_SCHOOL", "SENIOR_TECHNICAL_SCHOOL", "TECHNICIAN_COLLEGE"];

export const MIN_JUSTIFICATION_LENGTH = 10;

export type ApprovalBody = "PROVINCIAL_GOVERNMENT" | "PROVINCIAL_HR_BUREAU";

/** Who must approve a change to `to`: the label of the document-number field follows from it. */
export function approvalBodyFor(to: SchoolTier): ApprovalBody {
  return to === "TECHNICIAN_COLLEGE" ? "PROVINCIAL_GOVERNMENT" : "PROVINCIAL_HR_BUREAU";
}

/** The message for a missing approval document number: it names the body that approves `to` (when it is a tier). */
export function approvalRequiredKey(to: unknown): string {
  if (!TIER_ORDER.includes(to as SchoolTier)) return "documentNoRequired";
  return approvalBodyFor(to as SchoolTier) === "PROVINCIAL_GOVERNMENT" ? "governmentApprovalRequired" : "bureauApprovalRequired";
}

/** Signed number of steps from `from` to `to` (+1 = one tier up). */
export function tierSteps(from: SchoolTier, to: SchoolTier): number {
  return TIER_ORDER.indexOf(to) - TIER_ORDER.indexOf(from);
}

/** Tiers reachable without an override: the neighbours of `from`. */
export function adjacentTiers(from: SchoolTier): SchoolTier[] {
  return TIER_ORDER.filter((t) => Math.abs(tierSteps(from, t)) === 1);
}

export type TierChangeInput = {
  from: SchoolTier;
  to: SchoolTier;
  override: boolean;
  justification?: string | null;
  approvalDocNo?: string | null;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string;
  /** YYYY-MM-DD: the date the current tier took effect, or null. */
  tierSince: string | null;
};

/** Field issues (keys in the `validation` catalog); empty when the change may be recorded. */
export function validateTierChange(input: TierChangeInput): FieldIssues {
  const errors: FieldIssues = {};
  const add = (field: string, issue: Issue) => (errors[field] ??= []).push(issue);
  const steps = tierSteps(input.from, input.to);
  if (steps === 0) add("toTier", { key: "tierUnchanged" });
  const justification = input.justification?.trim() ?? "";
  if (Math.abs(steps) > 1) {
    if (!input.override) add("toTier", { key: "tierSkipNeedsOverride" });
    else if (justification.length < MIN_JUSTIFICATION_LENGTH) add("justification", { key: "justificationTooShort", params: { min: MIN_JUSTIFICATION_LENGTH } });
  }
  if (!input.approvalDocNo?.trim()) add("approvalDocNo", { key: approvalRequiredKey(input.to) });
  if (input.effectiveDate > input.today) add("effectiveDate", { key: "dateInFuture", params: { today: input.today } });
  else if (input.tierSince && input.effectiveDate < input.tierSince) add("effectiveDate", { key: "dateBeforeTierSince", params: { since: input.tierSince } });
  return errors;
}
