import { Refusal, type ErrorCode } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Refusals of the selection workflow. `detail.reason` names a message under
 * `selection.refusal.<reason>` (params alongside), so the person sees why, in their language.
 */
export type RefusalDetail = { reason: string; [param: string]: string | number | undefined };

export function refuse(code: ErrorCode, reason: string, params: Record<string, string | number | undefined> = {}): never {
  throw new Refusal(code, { reason, ...params });
}

/** A step taken out of order: names the entity, the step and the state it was in. */
export function refuseStep(entity: "batch" | "application" | "assignment" | "objection" | "designation", step: string, status: string): never {
  refuse("INVALID_TRANSITION", "outOfOrder", { entity, step, status });
}

/** A step needing the batch in another phase (e.g. scoring while the batch is not in review). */
export function refusePhase(phase: string, batchStatus: string): never {
  refuse("INVALID_TRANSITION", "wrongPhase", { phase, batchStatus });
}

export type Actor = { id: string; label: string };
export const actorOf = (u: SessionUser): Actor => ({ id: u.id, label: u.displayName });
