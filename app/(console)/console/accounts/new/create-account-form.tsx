"use client";

import Link from "@/components/link";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { useSubmit } from "@/components/use-submit";
import { createAccountAction } from "@/lib/accounts/actions";
import { needsDualControl } from "@/lib/accounts/dual-control";
import { requestAccountCreationAction } from "@/lib/accounts/requests/actions";
import { needsAuthority } from "@/lib/accounts/schema";
import { requiresPersonId } from "@/lib/accounts/separation";
import { roles } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";
import type { ActionResult } from "@/lib/actions/result";
import type { FiledRequest } from "@/lib/accounts/requests/mutations";
import { PasswordHalf } from "../password-half";
import { useRefusalText } from "../use-refusal-text";

type Created = { id: string; username: string; temporaryPassword: string };

export function CreateAccountForm({ authorities }: { authorities: { id: string; name: string }[] }) {
  const t = useTranslations("accounts.new");
  const tRole = useTranslations("enums.role");
  const tRequests = useTranslations("accounts.requests");
  const tEmail = useTranslations("accountEmail");
  const refusalText = useRefusalText();
  const format = useFormatter();
  // A privileged role is asked for, and created when another person approves (docs/decisions/0052).
  const { state, pending, errors, onSubmit, reset } = useSubmit((formData): Promise<ActionResult<FiledRequest> | ActionResult<Created>> =>
    needsDualControl(formData.get("role") as Role) ? requestAccountCreationAction(null, formData) : createAccountAction(null, formData),
  );
  const [role, setRole] = useState<Role | "">("");
  const privileged = role !== "" && needsDualControl(role);

  if (state?.ok) {
    const filed = "requesterHalf" in state.data ? state.data : null;
    const created = "temporaryPassword" in state.data ? state.data : null;
    return (
      <section aria-labelledby="created" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4">
        <h2 id="created" role="status" className="font-semibold">
          {filed
            ? tRequests("filed", { time: format.dateTime(filed.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })
            : t("created", { username: state.data.username })}
        </h2>
        {filed?.requesterHalf ? <PasswordHalf half="requester" value={filed.requesterHalf} /> : null}
        {created ? (
          <>
            <p>
              {t("tempPassword")}:{" "}
              <code data-testid="temporary-password" className="rounded bg-white px-2 py-1 font-mono text-lg">
                {created.temporaryPassword}
              </code>
            </p>
            <p className="text-sm">{t("tempPasswordHint")}</p>
          </>
        ) : null}
        <div className="flex gap-3">
          <Link href={created ? `/console/accounts/${created.id}` : "/console/accounts/requests"} className="text-brand-700 underline">
            {created ? t("view") : tRequests("viewRequests")}
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
      {state && !state.ok ? <Notice tone="error">{refusalText(state)}</Notice> : null}
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
      {privileged ? null : (
        <TextField name="email" type="email" label={tEmail("label")} hint={tEmail("createHint")} autoComplete="off" issues={errors?.email} />
      )}
      {privileged ? (
        <>
          <Notice tone="info" role="note">
            {tRequests("createPrivileged")}
          </Notice>
          <TextField name="reason" label={tRequests("reason")} hint={tRequests("reasonHint")} required autoComplete="off" issues={errors?.reason} />
        </>
      ) : null}
      {role === "EXPERT" ? (
        <TextAreaField name="affiliations" label={t("affiliations")} hint={t("affiliationsHint")} rows={3} issues={errors?.affiliations} />
      ) : null}
      <Button type="submit" pending={pending} pendingLabel={t("submitting")}>
        {privileged ? tRequests("submitRequest") : t("submit")}
      </Button>
    </form>
  );
}
