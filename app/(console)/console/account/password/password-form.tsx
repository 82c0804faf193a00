"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrorList } from "@/components/field-error-list";
import { changeOwnPasswordAction } from "@/lib/accounts/actions";

type State = Awaited<ReturnType<typeof changeOwnPasswordAction>> | null;

/** Current password, new password twice. On success the action moves on to the user's first page. */
export function PasswordForm({ username }: { username: string }) {
  const t = useTranslations("accounts.password");
  const terr = useTranslations("errors");
  const [state, setState] = useState<State>(null);
  const [pending, start] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    start(async () => setState(await changeOwnPasswordAction(null, form)));
  };
  const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
  const fields = [
    { name: "currentPassword", label: t("current"), auto: "current-password" },
    { name: "newPassword", label: t("new"), auto: "new-password", hint: "password-rules" },
    { name: "confirmPassword", label: t("confirm"), auto: "new-password" },
  ];
  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {terr(state.code)}
        </p>
      ) : null}
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {fields.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="block text-sm font-medium">
            {f.label}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.auto}
            required
            className={input}
            {...describedBy(`${f.name}-err`, errors?.[f.name], f.hint)}
          />
          <FieldErrorList id={`${f.name}-err`} issues={errors?.[f.name]} />
        </div>
      ))}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
