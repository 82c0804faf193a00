"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { FieldIssue } from "@/components/field-error-list";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { lodgeObjectionAction } from "@/lib/selection/notice/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

/** Anyone may object to a selection during the notice (name, contact, reasons). */
export function ObjectionForm({ entries }: { entries: { id: string; label: string }[] }) {
  const t = useTranslations("selection.publicNotice");
  const message = useResultMessage();
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [key, setKey] = useState(0);
  const submit = (formData: FormData) =>
    start(async () => {
      setStatus({});
      const result = await lodgeObjectionAction(formData);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setStatus({ error: message(result) });
      }
      setErrors({});
      setKey((current) => current + 1);
      setStatus({ success: t("lodged") });
    });
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
        issues={errors.applicationId}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t("name")} required maxLength={40} autoComplete="name" issues={errors.name} />
        <TextField name="contact" label={t("contact")} required maxLength={80} autoComplete="tel" issues={errors.contact} />
      </div>
      <TextAreaField name="text" label={t("text")} required rows={5} maxLength={2000} issues={errors.text} />
      <p className="text-xs text-slate-600">{t("privacy")}</p>
      <FormStatus error={status.error} success={status.success} />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </form>
  );
}
