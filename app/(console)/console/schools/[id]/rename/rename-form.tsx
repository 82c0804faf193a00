"use client";

import { useActionState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FieldErrorList, describedBy } from "@/components/field-error-list";
import { renameAction } from "@/lib/school-changes/actions";
import { ChangeResultMessage } from "../status/change-result-message";

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

/** Rename: the old name goes to the former names; search keys are recomputed on the server. */
export function RenameForm({ school, today }: { school: { id: string; version: number }; today: string }) {
  const t = useTranslations("lifecycle");
  const [state, dispatch, pending] = useActionState(renameAction, null);
  const [, startTransition] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input id={name} name={name} className={input} {...props} {...describedBy(`${name}-err`, errors?.[name])} />
      <FieldErrorList id={`${name}-err`} issues={errors?.[name]} />
    </div>
  );
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => dispatch(fd));
      }}
    >
      <ChangeResultMessage state={state} successKey="rename.saved" />
      <input type="hidden" name="schoolId" value={school.id} />
      <input type="hidden" name="version" value={school.version} />
      <div key={school.version} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          {field("newNameZh", t("rename.newNameZh"))}
          {field("newNameEn", t("rename.newNameEn"))}
          {field("documentNo", t("documentNo"), { placeholder: t("documentNoPlaceholder") })}
          {field("effectiveDate", t("effectiveDate"), { type: "date", max: today })}
        </div>
        <div>
          <label htmlFor="note" className="block text-sm font-medium">
            {t("note")}
          </label>
          <textarea id="note" name="note" rows={2} className={input} {...describedBy("note-err", errors?.note)} />
          <FieldErrorList id="note-err" issues={errors?.note} />
        </div>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("saving") : t("rename.submit")}
      </button>
    </form>
  );
}
