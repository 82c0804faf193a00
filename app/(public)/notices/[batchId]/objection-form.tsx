"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { lodgeObjectionAction } from "@/lib/selection/notice/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

/** Anyone may object to a selection during the notice (name, contact, reasons). */
export function ObjectionForm({ entries }: { entries: { id: string; label: string }[] }) {
  const t = useTranslations("selection.publicNotice");
  const step = useStep();
  const [key, setKey] = useState(0);
  // A lodged objection empties the form (a new key); a refused one keeps what was typed.
  const submit = (formData: FormData) =>
    step.run(() => lodgeObjectionAction(formData), { success: t("lodged"), onDone: () => setKey((current) => current + 1), refresh: false });
  return (
    <form
      key={key}
      onSubmit={(event) => {
        // Not a form action, so a refusal keeps what was typed (success clears it via the key).
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
      className="space-y-3"
      noValidate
    >
      <SelectField
        name="applicationId"
        label={t("about")}
        required
        placeholder={t("chooseEntry")}
        options={entries.map((entry) => ({ value: entry.id, label: entry.label }))}
        issues={step.errors.applicationId}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t("name")} required maxLength={40} autoComplete="name" issues={step.errors.name} />
        <TextField name="contact" label={t("contact")} required maxLength={80} autoComplete="tel" issues={step.errors.contact} />
      </div>
      <TextAreaField name="text" label={t("text")} required rows={5} maxLength={2000} issues={step.errors.text} />
      <p className="text-xs text-slate-600">{t("privacy")}</p>
      <FormStatus {...step.status} />
      <Button type="submit" size="sm" disabled={!step.ready}>
        {t("submit")}
      </Button>
    </form>
  );
}
