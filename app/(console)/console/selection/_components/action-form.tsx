"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { ChoiceField } from "@/components/choice-field";
import { Button } from "@/components/button";
import { TextAreaField, TextField } from "@/components/form-field";
import { FormStatus } from "@/components/form-status";
import { useStep, type StepResult } from "@/components/selection/use-step";

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
  action: (input: FormData) => Promise<StepResult>;
  hidden: Record<string, string>;
  fields: FormField[];
  submitLabel: string;
  successText?: string;
  confirm?: { title: string; body: string };
  testId?: string;
}) {
  const t = useTranslations("selection.common");
  const formId = useId();
  const step = useStep();
  const [pendingForm, setPendingForm] = useState<FormData | null>(null);

  const run = (formData: FormData) => {
    for (const [name, value] of Object.entries(hidden)) formData.set(name, value);
    step.run(() => action(formData), { success: successText ?? t("done"), onSettled: () => setPendingForm(null) });
  };

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
        const common = { id: `${formId}-${field.name}`, name: field.name, label: field.label, required: field.required, issues: step.errors[field.name] };
        if (field.type === "radio")
          return <ChoiceField key={field.name} {...common} options={field.options} defaultSelected={field.defaultValue ? [field.defaultValue] : undefined} />;
        const text = { defaultValue: field.defaultValue, maxLength: field.maxLength, hint: field.hint };
        if (field.type === "textarea") return <TextAreaField key={field.name} {...common} {...text} rows={3} />;
        return <TextField key={field.name} {...common} {...text} type={field.type} step={field.step} />;
      })}
      <FormStatus error={step.status.error} success={step.status.success} />
      {pendingForm && confirm ? (
        <ConfirmPanel
          title={confirm.title}
          body={confirm.body}
          confirmLabel={submitLabel}
          cancelLabel={t("cancel")}
          onConfirm={() => run(pendingForm)}
          onCancel={() => setPendingForm(null)}
          busy={step.pending}
        />
      ) : (
        <Button type="submit" size="sm" disabled={!step.ready} pending={step.pending} pendingLabel={t("working")}>
          {submitLabel}
        </Button>
      )}
    </form>
  );
}
