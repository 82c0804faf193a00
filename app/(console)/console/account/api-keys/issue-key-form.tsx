"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { useSubmit } from "@/components/use-submit";
import { issueApiKeyAction } from "@/lib/api-keys/actions";

/**
 * The name of a new key → the key, shown here once (the page keeps only its beginning). The form
 * stays mounted while the list refreshes, so the key stays on screen until the holder leaves.
 */
export function IssueKeyForm({ atLimit, max }: { atLimit: boolean; max: number }) {
  const t = useTranslations("apiKeys");
  const tErrors = useTranslations("errors");
  const { state, pending, errors, onSubmit } = useSubmit((formData) => issueApiKeyAction(formData));
  const refusal = state && !state.ok ? state : null;
  const reason = refusal?.detail?.reason;
  return (
    <div className="space-y-3">
      {state?.ok ? (
        <Notice tone="success" testId="issued-key">
          <p>{t("issue.issued", { name: state.data.name })}</p>
          <p className="mt-2 text-sm font-semibold">{t("issue.keyLabel")}</p>
          <code className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="issued-key-value">
            {state.data.key}
          </code>
        </Notice>
      ) : null}
      {refusal && refusal.code !== "VALIDATION" ? (
        <Notice tone="error">{typeof reason === "string" && t.has(`refusals.${reason}`) ? t(`refusals.${reason}`) : tErrors(refusal.code)}</Notice>
      ) : null}
      {atLimit ? <p className="text-sm text-slate-700">{t("issue.atLimit", { max })}</p> : null}
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <TextField name="name" label={t("issue.name")} hint={t("issue.nameHint")} required maxLength={80} issues={errors?.name} autoComplete="off" />
        <Button type="submit" pending={pending} pendingLabel={t("issue.submitting")} disabled={atLimit}>
          {t("issue.submit")}
        </Button>
      </form>
    </div>
  );
}
