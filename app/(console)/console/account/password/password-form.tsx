"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { changeOwnPasswordAction } from "@/lib/accounts/actions";

type State = Awaited<ReturnType<typeof changeOwnPasswordAction>> | null;

/** Current password, new password twice. On success the action moves on to the user's first page. */
export function PasswordForm({ username }: { username: string }) {
  const t = useTranslations("accounts.password");
  const tErrors = useTranslations("errors");
  const [state, setState] = useState<State>(null);
  const [pending, start] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start(async () => setState(await changeOwnPasswordAction(null, form)));
  };
  // The rules above the form (the page's #password-rules) describe the new password.
  const fields = [
    { name: "currentPassword", label: t("current"), autoComplete: "current-password" },
    { name: "newPassword", label: t("new"), autoComplete: "new-password", describedBy: "password-rules" },
    { name: "confirmPassword", label: t("confirm"), autoComplete: "new-password" },
  ];
  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {tErrors(state.code)}
        </p>
      ) : null}
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {fields.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={field.label}
          type="password"
          autoComplete={field.autoComplete}
          required
          describedBy={field.describedBy}
          issues={errors?.[field.name]}
        />
      ))}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
