"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { FieldIssue } from "./field-error-list";

type Outcome = { ok: true } | { ok: false; code: string; fieldErrors?: Record<string, FieldIssue[]> };

/**
 * A form that sends its FormData to an action by hand, not through <form action>: React would
 * reset the fields, and a refused form must keep what was typed. Gives the last outcome, its field
 * errors, whether it is on its way, and `reset` to show the empty form again.
 */
export function useSubmit<R extends Outcome>(action: (formData: FormData) => Promise<R>) {
  const [state, setState] = useState<R | null>(null);
  const [pending, start] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    start(async () => setState(await action(formData)));
  };
  const errors: Record<string, FieldIssue[]> | undefined = state && !state.ok ? (state as Extract<Outcome, { ok: false }>).fieldErrors : undefined;
  return { state, pending, errors, onSubmit, reset: () => setState(null) };
}
