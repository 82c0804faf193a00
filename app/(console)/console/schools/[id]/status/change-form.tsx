"use client";

import { useActionState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ChangeResultMessage } from "./change-result-message";
import { Button } from "@/components/button";

export type ChangeFormApi = {
  /** Field errors of the last refused submit, by field name. */
  errors: Extract<ActionResult<unknown>, { ok: false }>["fieldErrors"];
  pending: boolean;
  submit: (formData: FormData) => void;
};

/**
 * The frame of a school change form (status, tier, rename): result message, the school's id and the
 * version on screen (optimistic locking), and fields that start afresh when a save bumps the version.
 * `beforeSubmit` may hold a submit back (a confirmation step) by returning false.
 */
export function ChangeForm<T>({
  school,
  action,
  successKey,
  beforeSubmit,
  children,
  footer,
}: {
  school: { id: string; version: number };
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  successKey: string;
  beforeSubmit?: (formData: FormData) => boolean;
  children: (api: ChangeFormApi) => ReactNode;
  footer: (api: ChangeFormApi) => ReactNode;
}) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const [, startTransition] = useTransition();
  const api: ChangeFormApi = {
    errors: state && !state.ok ? state.fieldErrors : undefined,
    pending,
    submit: (formData) => startTransition(() => dispatch(formData)),
  };
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        if (!beforeSubmit || beforeSubmit(formData)) api.submit(formData);
      }}
    >
      <ChangeResultMessage state={state} successKey={successKey} />
      <input type="hidden" name="schoolId" value={school.id} />
      <input type="hidden" name="version" value={school.version} />
      <div key={school.version} className="space-y-4">
        {children(api)}
      </div>
      {footer(api)}
    </form>
  );
}

/** The primary submit button of a change form. */
export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
