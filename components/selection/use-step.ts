"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FieldIssue } from "@/components/field-error-list";
import { useHydrated } from "@/components/use-hydrated";
import { useResultMessage } from "./use-result-message";

export type StepResult =
  { ok: true; data: unknown } | { ok: false; code: string; fieldErrors?: Record<string, FieldIssue[]>; detail?: Record<string, unknown> };
type Failure = Extract<StepResult, { ok: false }>;

type After<R extends StepResult> = {
  /** Said under the form after a success. */
  success?: string;
  /** Called with the result, whatever it is (close a confirmation, mark fields). */
  onSettled?: (result: R) => void;
  /** Called with the data of a success (go to the new record, clear a choice). */
  onDone?: (data: Extract<R, { ok: true }>["data"]) => void;
  /** A reason of the caller's own for a refusal (else the selection's refusal text). */
  describe?: (failure: Failure) => string | undefined;
  /** Reload the page's data after a success (default yes). */
  refresh?: boolean;
};

/**
 * One step of the selection workflow run from a form or a button (console forms and the public
 * objection): call the action; on a refusal say why in words and keep the field errors; on a
 * success say so and reload the page's data. `ready` is false until the page is hydrated (an
 * earlier click would submit natively) and while the step runs.
 */
export function useStep() {
  const describe = useResultMessage();
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const run = <R extends StepResult>(call: () => Promise<R>, after: After<R> = {}) =>
    start(async () => {
      setStatus({});
      const result = await call();
      after.onSettled?.(result);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setStatus({ error: after.describe?.(result) ?? describe(result) });
        return;
      }
      setErrors({});
      setStatus(after.success ? { success: after.success } : {});
      after.onDone?.((result as Extract<R, { ok: true }>).data);
      if (after.refresh !== false) router.refresh();
    });
  return { run, pending, ready: hydrated && !pending, status, errors };
}
