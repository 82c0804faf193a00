"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { useSubmit } from "@/components/use-submit";
import { createAccountAction } from "@/lib/accounts/actions";
import { needsAuthority } from "@/lib/accounts/schema";
import { requiresPersonId } from "@/lib/accounts/separation";
import { roles } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";

export function CreateAccountForm({ authorities }: { authorities: { id: string; name: string }[] }) {
  const t = useTranslations("accounts.new");
  const tRole = useTranslations("enums.role");
  const tErrors = useTranslations("errors");
  const { state, pending, errors, onSubmit, reset } = useSubmit((formData) => createAccountAction(null, formData));
  const [role, setRole] = useState<Role | "">("");

  if (state?.ok) {
    return (
      <section aria-labelledby="created" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4">
        <h2 id="created" role="status" className="font-semibold">
          {t("created", { username: state.data.username })}
        </h2>
        <p>
          {t("tempPassword")}:{" "}
          <code data-testid="temporary-password" className="rounded bg-white px-2 py-1 font-mono text-lg">
            {state.data.temporaryPassword}
          </code>
        </p>
        <p className="text-sm">{t("tempPasswordHint")}</p>
        <div className="flex gap-3">
          <Link href={`/console/accounts/${state.data.id}`} className="text-brand-700 underline">
            {t("view")}
          </Link>
          <button type="button" onClick={reset} className="text-brand-700 underline">
            {t("another")}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state && !state.ok ? <Notice tone="error">{tErrors(state.code)}</Notice> : null}
      <TextField name="username" label={t("username")} hint={t("usernameHint")} autoComplete="off" required issues={errors?.username} />
      <TextField name="displayName" label={t("displayName")} required issues={errors?.displayName} />
      <SelectField
        name="role"
        label={t("role")}
        required
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        placeholder={t("chooseRole")}
        options={roles.map((value) => ({ value, label: tRole(value) }))}
        issues={errors?.role}
      />
      {role === "" || needsAuthority(role) ? (
        <SelectField
          name="authorityId"
          label={t("authority")}
          hint={t("authorityHint")}
          defaultValue=""
          placeholder={t("chooseAuthority")}
          options={authorities.map((authority) => ({ value: authority.id, label: authority.name }))}
          issues={errors?.authorityId}
        />
      ) : null}
      <TextField
        name="personId"
        label={t("personId")}
        hint={t("personIdHint")}
        required={Boolean(role && requiresPersonId(role))}
        autoComplete="off"
        issues={errors?.personId}
      />
      {role === "EXPERT" ? (
        <TextAreaField name="affiliations" label={t("affiliations")} hint={t("affiliationsHint")} rows={3} issues={errors?.affiliations} />
      ) : null}
      <Button type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
