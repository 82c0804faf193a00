"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { ChoiceField } from "@/components/choice-field";
import type { FieldIssue } from "@/components/field-error-list";
import { TextAreaField, TextField } from "@/components/form-field";
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
  const formId = useId();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pendingForm, setPendingForm] = useState<FormData | null>(null);

  const run = (formData: FormData) =>
    start(async () => {
      setStatus({});
      for (const [name, value] of Object.entries(hidden)) formData.set(name, value);
      const result = await action(formData);
      setPendingForm(null);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setStatus({ error: message(result) });
      }
      setErrors({});
      setStatus({ success: successText ?? t("done") });
      router.refresh();
    });

  return (
    <form
      onSubmit={(event) => {
        // Not a form action: React would reset the fields, losing the input after a refusal.
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        if (confirm) setPendingForm(formData);
        else run(formData);
      }}
      className="space-y-3"
      noValidate
      data-testid={testId}
    >
      {fields.map((field) => {
        const common = { id: `${formId}-${field.name}`, name: field.name, label: field.label, required: field.required, issues: errors[field.name] };
        if (field.type === "radio")
          return <ChoiceField key={field.name} {...common} options={field.options} defaultSelected={field.defaultValue ? [field.defaultValue] : undefined} />;
        const text = { defaultValue: field.defaultValue, maxLength: field.maxLength, hint: field.hint };
        if (field.type === "textarea") return <TextAreaField key={field.name} {...common} {...text} rows={3} />;
        return <TextField key={field.name} {...common} {...text} type={field.type} step={field.step} />;
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
