"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { ChoiceField } from "@/components/choice-field";
import { SelectField, TextField, type Option } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { useSubmit } from "@/components/use-submit";
import { DesignationKind, valuesOf, WebhookTarget } from "@/lib/kernel/enums";
import { createWebhookAction } from "@/lib/webhooks/actions";

/**
 * What to follow and where to send it → the subscription's signing secret, shown here once. Only
 * the field of the chosen target is shown; the form stays mounted while the list refreshes.
 */
export function CreateWebhookForm({ authorities, atLimit, max }: { authorities: Option[]; atLimit: boolean; max: number }) {
  const t = useTranslations("webhooks.create");
  const tRefusal = useTranslations("webhooks.refusals");
  const tKind = useTranslations("enums.designationKind");
  const tErrors = useTranslations("errors");
  const [target, setTarget] = useState<WebhookTarget>("AUTHORITY");
  const { state, pending, errors, onSubmit } = useSubmit((formData) => createWebhookAction(formData));
  const refusal = state && !state.ok ? state : null;
  const reason = typeof refusal?.detail?.reason === "string" ? refusal.detail.reason : null;
  const reasonText = reason && tRefusal.has(reason) ? tRefusal(reason) : null;
  const urlReason = reason?.startsWith("URL_") ? [reasonText ?? ""] : undefined;
  return (
    <div className="space-y-3">
      {state?.ok ? (
        <Notice tone="success" testId="webhook-secret">
          <p>{t("created")}</p>
          <p className="mt-2 text-sm font-semibold">{t("secretLabel")}</p>
          <code className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="webhook-secret-value">
            {state.data.secret}
          </code>
        </Notice>
      ) : null}
      {refusal && refusal.code !== "VALIDATION" ? <Notice tone="error">{reasonText ?? tErrors(refusal.code)}</Notice> : null}
      {atLimit ? <p className="text-sm text-slate-700">{t("atLimit", { max })}</p> : null}
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <ChoiceField
          name="target"
          label={t("target")}
          required
          options={valuesOf(WebhookTarget).map((value) => ({ value, label: t(`targets.${value}`) }))}
          selected={[target]}
          onChoose={(value) => setTarget(value as WebhookTarget)}
          issues={errors?.target}
        />
        {target === "AUTHORITY" ? (
          <SelectField
            name="authorityId"
            label={t("authority")}
            required
            placeholder={t("authorityPlaceholder")}
            options={authorities}
            issues={errors?.authorityId}
          />
        ) : null}
        {target === "SCHOOL" ? (
          <TextField
            name="schoolCode"
            label={t("schoolCode")}
            hint={t("schoolCodeHint")}
            required
            maxLength={64}
            autoComplete="off"
            issues={reason === "SCHOOL_UNKNOWN" ? undefined : errors?.schoolCode}
            errorText={reason === "SCHOOL_UNKNOWN" && reasonText ? [reasonText] : undefined}
          />
        ) : null}
        {target === "DESIGNATION_KIND" ? (
          <SelectField
            name="designationKind"
            label={t("designationKind")}
            required
            placeholder={t("designationKindPlaceholder")}
            options={valuesOf(DesignationKind).map((value) => ({ value, label: tKind(value) }))}
            issues={errors?.designationKind}
          />
        ) : null}
        <TextField
          name="url"
          type="url"
          label={t("url")}
          hint={t("urlHint")}
          required
          maxLength={2000}
          autoComplete="off"
          issues={urlReason ? undefined : errors?.url}
          errorText={urlReason}
        />
        <Button type="submit" pending={pending} pendingLabel={t("submitting")} disabled={atLimit}>
          {t("submit")}
        </Button>
      </form>
    </div>
  );
}
