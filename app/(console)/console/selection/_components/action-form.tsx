"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { describedBy, FieldErrorList, type FieldIssue } from "@/components/field-error-list";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

export type FormField =
  | {
      name: string;
      label: string;
      type: "text" | "date" | "datetime-local" | "number";
      defaultValue?: string;
      required?: boolean;
      step?: string;
      hint?: string;
      maxLength?: number;
    }
  | { name: string; label: string; type: "textarea"; defaultValue?: string; required?: boolean; hint?: string; maxLength?: number }
  | { name: string; label: string; type: "radio"; options: { value: string; label: string }[]; defaultValue?: string; required?: boolean };

type Result = { ok: true; data: unknown } | { ok: false; code: string; fieldErrors?: Record<string, FieldIssue[]>; detail?: Record<string, unknown> };

/**
 * A small form for one workflow step: labelled fields, errors next to each field, the refusal
 * (why) as an alert, optional confirmation before an irreversible step.
 */
export function ActionForm({
  action,
  hidden,
  fields,
  submitLabel,
  successText,
  confirm,
  testId,
}: {
  action: (input: FormData) => Promise<Result>;
  hidden: Record<string, string>;
  fields: FormField[];
  submitLabel: string;
  successText?: string;
  confirm?: { title: string; body: string };
  testId?: string;
}) {
  const t = useTranslations("selection.common");
  const message = useResultMessage();
  const router = useRouter();
  const uid = useId();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pendingForm, setPendingForm] = useState<FormData | null>(null);

  const run = (fd: FormData) =>
    start(async () => {
      setStatus({});
      for (const [k, v] of Object.entries(hidden)) fd.set(k, v);
      const r = await action(fd);
      setPendingForm(null);
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        return setStatus({ error: message(r) });
      }
      setErrors({});
      setStatus({ success: successText ?? t("done") });
      router.refresh();
    });

  return (
    <form
      onSubmit={(e) => {
        // Not a form action: React would reset the fields, losing the input after a refusal.
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        if (confirm) setPendingForm(fd);
        else run(fd);
      }}
      className="space-y-3"
      noValidate
      data-testid={testId}
    >
      {fields.map((f) => {
        const id = `${uid}-${f.name}`;
        const errId = `${id}-err`;
        const hintId = "hint" in f && f.hint ? `${id}-hint` : undefined;
        if (f.type === "radio")
          return (
            <fieldset key={f.name} aria-describedby={errors[f.name] ? errId : undefined}>
              <legend className="text-sm font-medium">{f.label}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {f.options.map((o) => (
                  <label key={o.value} className="flex items-center gap-1 text-sm">
                    <input type="radio" name={f.name} value={o.value} defaultChecked={f.defaultValue === o.value} required={f.required} />
                    {o.label}
                  </label>
                ))}
              </div>
              <FieldErrorList id={errId} issues={errors[f.name]} />
            </fieldset>
          );
        const common = {
          id,
          name: f.name,
          defaultValue: f.defaultValue,
          required: f.required,
          maxLength: f.maxLength,
          className: "mt-1 w-full rounded border border-slate-300 px-3 py-2",
          ...describedBy(errId, errors[f.name], hintId),
        };
        return (
          <div key={f.name}>
            <label htmlFor={id} className="block text-sm font-medium">
              {f.label}
            </label>
            {f.type === "textarea" ? <textarea rows={3} {...common} /> : <input type={f.type} step={"step" in f ? f.step : undefined} {...common} />}
            {hintId ? (
              <p id={hintId} className="mt-1 text-xs text-slate-600">
                {"hint" in f ? f.hint : null}
              </p>
            ) : null}
            <FieldErrorList id={errId} issues={errors[f.name]} />
          </div>
        );
      })}
      <FormStatus error={status.error} success={status.success} />
      {pendingForm && confirm ? (
        <ConfirmPanel
          title={confirm.title}
          body={confirm.body}
          confirmLabel={submitLabel}
          cancelLabel={t("cancel")}
          onConfirm={() => run(pendingForm)}
          onCancel={() => setPendingForm(null)}
          busy={pending}
        />
      ) : (
        <button
          type="submit"
          disabled={pending || !hydrated}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("working") : submitLabel}
        </button>
      )}
    </form>
  );
}
