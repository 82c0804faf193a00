"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { useSubmit } from "@/components/use-submit";
import { changeOwnPasswordAction } from "@/lib/accounts/actions";

/** Current password, new password twice. On success the action moves on to the user's first page. */
export function PasswordForm({ username }: { username: string }) {
  const t = useTranslations("accounts.password");
  const tErrors = useTranslations("errors");
  const { state, pending, errors, onSubmit } = useSubmit((formData) => changeOwnPasswordAction(null, formData));
  // The rules above the form (the page's #password-rules) describe the new password.
  const fields = [
    { name: "currentPassword", label: t("current"), autoComplete: "current-password" },
    { name: "newPassword", label: t("new"), autoComplete: "new-password", describedBy: "password-rules" },
    { name: "confirmPassword", label: t("confirm"), autoComplete: "new-password" },
  ];
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state && !state.ok ? <Notice tone="error">{tErrors(state.code)}</Notice> : null}
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
      <Button type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
