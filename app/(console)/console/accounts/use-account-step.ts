"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FieldIssue } from "@/components/field-error-list";
import type { ActionResult } from "@/lib/actions/result";
import { useRefusalText } from "./use-refusal-text";

/** What a step came to: its data, or its refusal in words. */
export type StepOutcome<T> = { ok: true; data: T } | { ok: false; text: string };

/**
 * One step of the account pages (a direct action, a request, a decision on one): runs the call,
 * turns a refusal into words (the dual-control reason when there is one), keeps a missing or bad
 * reason next to its field without ending the step, and refreshes the page unless told not to
 * (an approval must not: the refresh would drop the half of a password before it is read).
 */
export function useAccountStep() {
  const refusalText = useRefusalText();
  const router = useRouter();
  const [busy, start] = useTransition();
  const [reasonIssues, setReasonIssues] = useState<FieldIssue[]>();
  const run = <T>(call: () => Promise<ActionResult<T>>, done: (outcome: StepOutcome<T>) => void, refresh = true) =>
    start(async () => {
      const result = await call();
      if (!result.ok && result.fieldErrors?.reason) return setReasonIssues(result.fieldErrors.reason);
      setReasonIssues(undefined);
      done(result.ok ? { ok: true, data: result.data } : { ok: false, text: refusalText(result) });
      if (refresh || !result.ok) router.refresh();
    });
  return { run, busy, reasonIssues };
}

/** The form an account action reads (the same fields a browser form would post). */
export function formOf(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return formData;
}
