import type { ChangeKind, SchoolStatus } from "@/lib/kernel/enums";
import type { FieldIssues, Issue } from "@/lib/validation/issues";

/**
 * A school's status lifecycle as an explicit transition table (shared/domain.md §1, issue 3 item 3).
 * Pure data and functions: the status form, the mutation and the unit test all read this table,
 * so a transition that is not listed here cannot happen anywhere. Labels live in the `lifecycle`
 * catalog (`lifecycle.reason.<CODE>`); codes are stored in SchoolChange.reasonCode.
 */
export const REASON_CODES = [
  "SETUP_ACCEPTED", // 筹设验收合格
  "SETUP_EXPIRED", // 筹设期满未完成
  "EVALUATION_FAILED", // 评估不合格
  "CONDITIONS_INSUFFICIENT", // 办学条件不达标
  "VIOLATION", // 违规办学
  "SELF_APPLIED_SUSPENSION", // 学校申请暂停招生
  "NO_ENROLMENT_3_YEARS", // 连续三年未招生
  "AUTHORITY_DECISION", // 主管部门决定
  "CONDITIONS_IMPROVED", // 办学条件改善
  "RECTIFICATION_COMPLETED", // 整改完成
  "RECTIFICATION_FAILED", // 整改不合格
  "MERGER_REORGANISATION", // 合并重组
  "UPGRADED_TO_HIGHER_VOCATIONAL", // 升格为高职院校
  "CONVERTED_OTHER_TYPE", // 转为其他类型学校
  "SELF_APPLIED_TERMINATION", // 自行申请终止
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Statuses that cannot be left. */
export const TERMINAL_STATUSES: readonly SchoolStatus[] = ["REVOKED", "MERGED", "CONVERTED", "TERMINATED"];

export type Transition = {
  from: SchoolStatus;
  to: SchoolStatus;
  reasons: readonly ReasonCode[];
  /** MERGED: the school that continues (same authority). */
  needsSuccessor?: boolean;
  /** CONVERTED: a note of what the school became (e.g. 某某职业技术学院). */
  needsConversionNote?: boolean;
  /** Suspended for at least this many years is expected before revocation (a hint, not a refusal). */
  hintMinYearsInStatus?: number;
};

const EXITS = (from: SchoolStatus): Transition[] => [
  { from, to: "MERGED", reasons: ["MERGER_REORGANISATION", "AUTHORITY_DECISION"], needsSuccessor: true },
  { from, to: "CONVERTED", reasons: ["UPGRADED_TO_HIGHER_VOCATIONAL", "CONVERTED_OTHER_TYPE"], needsConversionNote: true },
  { from, to: "TERMINATED", reasons: ["SELF_APPLIED_TERMINATION", "AUTHORITY_DECISION"] },
];

export const TRANSITIONS: readonly Transition[] = [
  { from: "PREPARING", to: "OPERATING", reasons: ["SETUP_ACCEPTED", "AUTHORITY_DECISION"] },
  { from: "PREPARING", to: "TERMINATED", reasons: ["SETUP_EXPIRED", "SELF_APPLIED_TERMINATION", "AUTHORITY_DECISION"] },
  {
    from: "OPERATING",
    to: "ENROLMENT_SUSPENDED",
    reasons: ["EVALUATION_FAILED", "CONDITIONS_INSUFFICIENT", "SELF_APPLIED_SUSPENSION", "AUTHORITY_DECISION"],
  },
  { from: "ENROLMENT_SUSPENDED", to: "OPERATING", reasons: ["CONDITIONS_IMPROVED", "AUTHORITY_DECISION"] },
  { from: "OPERATING", to: "RECTIFYING", reasons: ["EVALUATION_FAILED", "VIOLATION", "AUTHORITY_DECISION"] },
  { from: "RECTIFYING", to: "OPERATING", reasons: ["RECTIFICATION_COMPLETED"] },
  { from: "RECTIFYING", to: "REVOKED", reasons: ["RECTIFICATION_FAILED", "EVALUATION_FAILED", "AUTHORITY_DECISION"] },
  {
    from: "ENROLMENT_SUSPENDED",
    to: "REVOKED",
    reasons: ["NO_ENROLMENT_3_YEARS", "AUTHORITY_DECISION"],
    hintMinYearsInStatus: 3,
  },
  ...EXITS("OPERATING"),
  ...EXITS("ENROLMENT_SUSPENDED"),
  ...EXITS("RECTIFYING"),
];

export function findTransition(from: SchoolStatus, to: SchoolStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function canTransition(from: SchoolStatus, to: SchoolStatus): boolean {
  return findTransition(from, to) !== undefined;
}

export function isTerminal(status: SchoolStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The statuses a school in `from` may move to, in table order. */
export function allowedTargets(from: SchoolStatus): SchoolStatus[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** The SchoolChange kind recorded for a move into `to`. */
export function changeKindFor(to: SchoolStatus): ChangeKind {
  if (to === "MERGED") return "MERGE";
  if (to === "CONVERTED") return "CONVERSION";
  if (to === "REVOKED" || to === "TERMINATED") return "CLOSURE";
  return "STATUS_CHANGE";
}

export type TransitionInput = {
  from: SchoolStatus;
  to: SchoolStatus;
  reasonCode: string;
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** YYYY-MM-DD, or null when unknown. */
  statusSince: string | null;
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string;
  successorId?: string | null;
  conversionNote?: string | null;
  /** Set when the officer has confirmed an irreversible (terminal) change. */
  confirmedIrreversible?: boolean;
};

export type TransitionCheck =
  | { ok: true; transition: Transition; hints: (Issue & { field: string })[] }
  | { ok: false; code: "INVALID_TRANSITION"; from: SchoolStatus; to: SchoolStatus; terminal: boolean }
  | { ok: false; code: "VALIDATION"; fieldErrors: FieldIssues };

/**
 * Checks one requested change against the table. A pair not in the table (including any move out
 * of a terminal state) is INVALID_TRANSITION; a listed pair with wrong details is VALIDATION with
 * `lifecycle.*`-style keys under the `validation` namespace.
 */
export function validateTransition(input: TransitionInput): TransitionCheck {
  const transition = findTransition(input.from, input.to);
  if (!transition) return { ok: false, code: "INVALID_TRANSITION", from: input.from, to: input.to, terminal: isTerminal(input.from) };
  const errors: FieldIssues = {};
  const add = (field: string, issue: Issue) => (errors[field] ??= []).push(issue);
  if (!(transition.reasons as readonly string[]).includes(input.reasonCode)) add("reasonCode", { key: "reasonNotAllowed" });
  if (input.effectiveDate > input.today) add("effectiveDate", { key: "dateInFuture", params: { today: input.today } });
  else if (input.statusSince && input.effectiveDate < input.statusSince)
    add("effectiveDate", { key: "dateBeforeStatusSince", params: { since: input.statusSince } });
  if (transition.needsSuccessor && !input.successorId) add("successorId", { key: "successorRequired" });
  if (transition.needsConversionNote && !input.conversionNote?.trim()) add("conversionNote", { key: "conversionNoteRequired" });
  if (isTerminal(input.to) && !input.confirmedIrreversible) add("confirmIrreversible", { key: "confirmIrreversible" });
  if (Object.keys(errors).length) return { ok: false, code: "VALIDATION", fieldErrors: errors };
  const hints: (Issue & { field: string })[] = [];
  if (transition.hintMinYearsInStatus) {
    const years = yearsBetween(input.statusSince, input.effectiveDate);
    if (years === null || years < transition.hintMinYearsInStatus) {
      hints.push({ field: "effectiveDate", key: "suspendedShort", params: { years: transition.hintMinYearsInStatus } });
    }
  }
  return { ok: true, transition, hints };
}

/** Whole years from `since` to `until` (YYYY-MM-DD strings), or null when `since` is unknown. */
export function yearsBetween(since: string | null, until: string): number | null {
  if (!since) return null;
  const [y1, m1, d1] = since.split("-").map(Number);
  const [y2, m2, d2] = until.split("-").map(Number);
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years -= 1;
  return years;
}
