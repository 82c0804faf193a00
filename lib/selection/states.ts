import type { DesignationStatus, ReviewAssignmentStatus, SelectionApplicationStatus, SelectionBatchStatus, SelectionObjectionStatus } from "@/lib/kernel/enums";

/**
 * The selection's workflows as explicit state tables: for each step, the states it may start from
 * and the state it leads to. Mutations apply a step only through these tables, guarded in the
 * database by `updateMany({ where: { status: { in: from } } })`, so a step out of order is refused.
 */
export type StateTable<S extends string, Step extends string> = Readonly<Record<Step, { readonly from: readonly S[]; readonly to: S }>>;

export const batchTable = {
  open: { from: ["DRAFT"], to: "APPLYING" },
  startReview: { from: ["APPLYING"], to: "REVIEWING" },
  finishReview: { from: ["REVIEWING"], to: "DECIDING" },
  publishNotice: { from: ["DECIDING"], to: "NOTICE" },
  announce: { from: ["NOTICE"], to: "ANNOUNCED" },
  cancel: { from: ["DRAFT", "APPLYING"], to: "CANCELLED" },
} as const satisfies StateTable<SelectionBatchStatus, string>;
export type BatchStep = keyof typeof batchTable;

export const applicationTable = {
  submit: { from: ["DRAFT"], to: "SUBMITTED" },
  reopen: { from: ["SUBMITTED"], to: "DRAFT" },
  withdraw: { from: ["DRAFT", "SUBMITTED"], to: "WITHDRAWN" },
  recommend: { from: ["SUBMITTED", "RECOMMENDED"], to: "RECOMMENDED" },
  unrecommend: { from: ["RECOMMENDED"], to: "SUBMITTED" },
  lapse: { from: ["DRAFT", "SUBMITTED"], to: "NOT_RECOMMENDED" },
  select: { from: ["RECOMMENDED", "NOT_SELECTED", "SELECTED"], to: "SELECTED" },
  reject: { from: ["RECOMMENDED", "SELECTED", "NOT_SELECTED"], to: "NOT_SELECTED" },
  remove: { from: ["SELECTED"], to: "REMOVED" },
  designate: { from: ["SELECTED"], to: "DESIGNATED" },
} as const satisfies StateTable<SelectionApplicationStatus, string>;
export type ApplicationStep = keyof typeof applicationTable;

export const assignmentTable = {
  submit: { from: ["ASSIGNED"], to: "SUBMITTED" },
  withdraw: { from: ["ASSIGNED"], to: "WITHDRAWN" },
} as const satisfies StateTable<ReviewAssignmentStatus, string>;
export type AssignmentStep = keyof typeof assignmentTable;

export const objectionTable = {
  uphold: { from: ["OPEN"], to: "UPHELD" },
  dismiss: { from: ["OPEN"], to: "DISMISSED" },
} as const satisfies StateTable<SelectionObjectionStatus, string>;
export type ObjectionStep = keyof typeof objectionTable;

/** After announcement: acceptance (验收) passed or failed, and revocation. */
export const designationTable = {
  accept: { from: ["ACTIVE"], to: "ACCEPTED" },
  fail: { from: ["ACTIVE"], to: "FAILED" },
  revoke: { from: ["ACTIVE", "ACCEPTED", "FAILED"], to: "REVOKED" },
} as const satisfies StateTable<DesignationStatus, string>;
export type DesignationStep = keyof typeof designationTable;

/**
 * In which batch states each kind of work on applications may happen. A step on an application
 * needs both: its own transition and the batch being in one of these states.
 */
export const batchPhaseOf = {
  applicationEdit: ["APPLYING"],
  recommendation: ["APPLYING"],
  assignment: ["REVIEWING"],
  scoring: ["REVIEWING"],
  decision: ["DECIDING"],
  objection: ["NOTICE"],
  designationFollowUp: ["ANNOUNCED"],
  batchSettings: ["DRAFT"],
  quotas: ["DRAFT", "APPLYING"],
} as const satisfies Record<string, readonly SelectionBatchStatus[]>;
export type BatchPhase = keyof typeof batchPhaseOf;

export type Transition<S> = { ok: true; from: readonly S[]; to: S } | { ok: false; from: readonly S[] };

/** The result of applying a step to a state: where it leads, or a refusal naming the allowed states. */
export function transition<S extends string, Step extends string>(table: StateTable<S, Step>, status: S, step: Step): Transition<S> {
  const row = table[step];
  return row.from.includes(status) ? { ok: true, from: row.from, to: row.to } : { ok: false, from: row.from };
}

/** The steps that may be taken from a state (for showing only the buttons that apply). */
export function stepsFrom<S extends string, Step extends string>(table: StateTable<S, Step>, status: S): Step[] {
  return (Object.keys(table) as Step[]).filter((k) => table[k].from.includes(status));
}

export function inPhase(status: SelectionBatchStatus, phase: BatchPhase): boolean {
  return (batchPhaseOf[phase] as readonly SelectionBatchStatus[]).includes(status);
}
