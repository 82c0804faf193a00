"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { Panel } from "@/components/panel";
import { useSubmit } from "@/components/use-submit";
import { setAccountEmailAction, setOwnEmailAction } from "@/lib/accounts/email/actions";

/**
 * The account's e-mail address, where its notifications are mailed (docs/decisions/0069): the
 * holder's own (no `accountId`) or, for the system administrator, another account's. Blank removes it.
 */
export function EmailForm({ accountId, current }: { accountId?: string; current: string | null }) {
  const t = useTranslations("accountEmail");
  const { state, pending, errors, onSubmit } = useSubmit((form) => {
    if (!accountId) return setOwnEmailAction(form);
    form.set("id", accountId);
    return setAccountEmailAction(form);
  });
  const saved = state?.ok ? state.data.email : undefined;
  return (
    <Panel title={t("title")}>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        {state && !state.ok && !errors ? <Notice tone="error">{t("failed")}</Notice> : null}
        {saved !== undefined ? <Notice tone="success">{saved ? t("saved", { email: saved }) : t("removed")}</Notice> : null}
        <TextField
          name="email"
          type="email"
          label={t("label")}
          hint={t(accountId ? "adminHint" : "hint")}
          defaultValue={current ?? ""}
          autoComplete={accountId ? "off" : "email"}
          issues={errors?.email}
        />
        <Button type="submit" pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </Button>
      </form>
    </Panel>
  );
}
