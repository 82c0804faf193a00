import { refuse } from "@/lib/errors";

/**
 * Refusals of the selection workflow, raised with lib/errors.ts `refuse(code, { reason, …params })`:
 * `reason` names a message under `selection.refusal.<reason>` (params alongside), so the person
 * sees why, in their language. The two below are the workflow's most common ones.
 */

/** A step taken out of order: names the entity, the step and the state it was in. */
export function refuseStep(entity: "batch" | "application" | "assignment" | "objection" | "designation", step: string, status: string): never {
  refuse("INVALID_TRANSITION", { reason: "outOfOrder", entity, step, status });
}

/** A step needing the batch in another phase (e.g. scoring while the batch is not in review). */
export function refusePhase(phase: string, batchStatus: string): never {
  refuse("INVALID_TRANSITION", { reason: "wrongPhase", phase, batchStatus });
}
