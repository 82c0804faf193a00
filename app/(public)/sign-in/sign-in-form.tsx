"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { CALLBACK_PARAM } from "@/lib/auth/callback";
import { Button } from "@/components/button";

export function SignInForm({ callback }: { callback: string | null }) {
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
      {callback ? <input type="hidden" name={CALLBACK_PARAM} value={callback} /> : null}
      <TextField key={state.username} name="username" label={t("username")} autoComplete="username" required defaultValue={state.username} />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
