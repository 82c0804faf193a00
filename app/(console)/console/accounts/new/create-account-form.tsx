"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrorList } from "@/components/field-error-list";
import { createAccountAction } from "@/lib/accounts/actions";
import { needsAuthority } from "@/lib/accounts/schema";
import { requiresPersonId } from "@/lib/accounts/separation";
import { roles } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";

type State = Awaited<ReturnType<typeof createAccountAction>> | null;

export function CreateAccountForm({ authorities }: { authorities: { id: string; name: string }[] }) {
  const t = useTranslations("accounts.new");
  const te = useTranslations("enums.role");
  const terr = useTranslations("errors");
  // Submitted by hand (not <form action>) so that a refused form keeps what was typed.
  const [state, setState] = useState<State>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => setState(await createAccountAction(null, form)));
  };
  const [role, setRole] = useState<Role | "">("");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

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
          <button type="button" onClick={() => setState(null)} className="text-brand-700 underline">
            {t("another")}
          </button>
        </div>
      </section>
    );
  }

  const field = (name: string, hint = false) => ({ id: name, name, ...describedBy(`${name}-err`, errors?.[name], hint ? `${name}-hint` : undefined) });
  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {terr(state.code)}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          {t("username")}
        </label>
        <input {...field("username", true)} autoComplete="off" required className={input} />
        <p id="username-hint" className="text-sm text-slate-600">
          {t("usernameHint")}
        </p>
        <FieldErrorList id="username-err" issues={errors?.username} />
      </div>
      <div>
        <label htmlFor="displayName" className="block text-sm font-medium">
          {t("displayName")}
        </label>
        <input {...field("displayName")} required className={input} />
        <FieldErrorList id="displayName-err" issues={errors?.displayName} />
      </div>
      <div>
        <label htmlFor="role" className="block text-sm font-medium">
          {t("role")}
        </label>
        <select {...field("role")} required value={role} onChange={(e) => setRole(e.target.value as Role)} className={input}>
          <option value="">{t("chooseRole")}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {te(r)}
            </option>
          ))}
        </select>
        <FieldErrorList id="role-err" issues={errors?.role} />
      </div>
      {role === "" || needsAuthority(role) ? (
        <div>
          <label htmlFor="authorityId" className="block text-sm font-medium">
            {t("authority")}
          </label>
          <select {...field("authorityId", true)} defaultValue="" className={input}>
            <option value="">{t("chooseAuthority")}</option>
            {authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <p id="authorityId-hint" className="text-sm text-slate-600">
            {t("authorityHint")}
          </p>
          <FieldErrorList id="authorityId-err" issues={errors?.authorityId} />
        </div>
      ) : null}
      <div>
        <label htmlFor="personId" className="block text-sm font-medium">
          {t("personId")}
          {role && requiresPersonId(role) ? " *" : ""}
        </label>
        <input {...field("personId", true)} autoComplete="off" className={input} />
        <p id="personId-hint" className="text-sm text-slate-600">
          {t("personIdHint")}
        </p>
        <FieldErrorList id="personId-err" issues={errors?.personId} />
      </div>
      {role === "EXPERT" ? (
        <div>
          <label htmlFor="affiliations" className="block text-sm font-medium">
            {t("affiliations")}
          </label>
          <textarea {...field("affiliations", true)} rows={3} className={input} />
          <p id="affiliations-hint" className="text-sm text-slate-600">
            {t("affiliationsHint")}
          </p>
          <FieldErrorList id="affiliations-err" issues={errors?.affiliations} />
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
