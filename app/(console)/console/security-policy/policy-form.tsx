"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { updateSecurityPolicyAction } from "@/lib/accounts/actions";
import { POLICY_BOUNDS, POLICY_FIELDS, type SecurityPolicyValues } from "@/lib/accounts/policy";

type State = Awaited<ReturnType<typeof updateSecurityPolicyAction>> | null;

export function PolicyForm({ values }: { values: SecurityPolicyValues }) {
  const t = useTranslations("accounts.policy");
  const tErrors = useTranslations("errors");
  const [state, setState] = useState<State>(null);
  const [pending, start] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start(async () => setState(await updateSecurityPolicyAction(null, form)));
  };
  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state?.ok ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm">
          {state.data.changed ? t("saved", { count: state.data.changed }) : t("unchanged")}
        </p>
      ) : state ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {tErrors(state.code)}
        </p>
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
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
