"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrorList, type FieldIssue } from "@/components/field-error-list";
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
  const submit = (fd: FormData) =>
    start(async () => {
      setStatus({});
      const r = await lodgeObjectionAction(fd);
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        return setStatus({ error: message(r) });
      }
      setErrors({});
      setKey((k) => k + 1);
      setStatus({ success: t("lodged") });
    });
  const field = (name: string) => ({ id: `obj-${name}`, name, ...describedBy(`obj-${name}-err`, errors[name]) });
  return (
    <form
      key={key}
      onSubmit={(e) => {
        // Not a form action, so a refusal keeps what was typed (success clears it via the key).
        e.preventDefault();
        submit(new FormData(e.currentTarget));
      }}
      className="space-y-3"
      noValidate
    >
      <div>
        <label htmlFor="obj-applicationId" className="block text-sm font-medium">
          {t("about")}
        </label>
        <select {...field("applicationId")} required className="mt-1 w-full rounded border border-slate-300 px-2 py-2">
          <option value="">{t("chooseEntry")}</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
        <FieldErrorList id="obj-applicationId-err" issues={errors.applicationId} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="obj-name" className="block text-sm font-medium">
            {t("name")}
          </label>
          <input {...field("name")} required maxLength={40} autoComplete="name" className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
          <FieldErrorList id="obj-name-err" issues={errors.name} />
        </div>
        <div>
          <label htmlFor="obj-contact" className="block text-sm font-medium">
            {t("contact")}
          </label>
          <input {...field("contact")} required maxLength={80} autoComplete="tel" className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
          <FieldErrorList id="obj-contact-err" issues={errors.contact} />
        </div>
      </div>
      <div>
        <label htmlFor="obj-text" className="block text-sm font-medium">
          {t("text")}
        </label>
        <textarea {...field("text")} required rows={5} maxLength={2000} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        <FieldErrorList id="obj-text-err" issues={errors.text} />
      </div>
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
