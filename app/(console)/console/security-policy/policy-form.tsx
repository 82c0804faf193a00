"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { useSubmit } from "@/components/use-submit";
import { updateSecurityPolicyAction } from "@/lib/accounts/actions";
import { POLICY_BOUNDS, POLICY_FIELDS, type SecurityPolicyValues } from "@/lib/accounts/policy";

export function PolicyForm({ values }: { values: SecurityPolicyValues }) {
  const t = useTranslations("accounts.policy");
  const tErrors = useTranslations("errors");
  const { state, pending, errors, onSubmit } = useSubmit((formData) => updateSecurityPolicyAction(null, formData));
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state?.ok ? (
        <Notice tone="success">{state.data.changed ? t("saved", { count: state.data.changed }) : t("unchanged")}</Notice>
      ) : state ? (
        <Notice tone="error">{tErrors(state.code)}</Notice>
      ) : null}
      {POLICY_FIELDS.map((field) => {
        const [min, max] = POLICY_BOUNDS[field];
        return (
          <TextField
            key={field}
            name={field}
            label={t(`fields.${field}`)}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            required
            width="short"
            defaultValue={values[field]}
            hint={t("range", { min, max })}
            issues={errors?.[field]}
          />
        );
      })}
      <p className="text-sm text-slate-600">{t("sessionNote")}</p>
      <Button type="submit" pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </Button>
    </form>
  );
}
