"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { signInAction, type SignInState } from "@/lib/auth/actions";

export function SignInForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const message =
    state.error === "REQUIRED"
      ? t("required")
      : state.error === "RATE_LIMITED"
        ? t("rateLimited")
        : state.error === "DB_UNAVAILABLE"
          ? t("dbUnavailable")
          : state.error
            ? t("invalid")
            : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      {message ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <TextField key={state.username} name="username" label={t("username")} autoComplete="username" required defaultValue={state.username} />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
