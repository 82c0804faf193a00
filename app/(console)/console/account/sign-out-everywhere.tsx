"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { signOutEverywhereAction } from "@/lib/accounts/actions";
import { Panel } from "@/components/panel";

/** "Sign out of all sessions", this one included, after a confirmation. */
export function SignOutEverywhere() {
  const t = useTranslations("accounts.own");
  const [asking, setAsking] = useState(false);
  const [busy, start] = useTransition();
  return (
    <Panel title={t("signOutEverywhere")}>
      <p className="text-sm text-slate-600">{t("signOutEverywhereHint")}</p>
      {asking ? (
        <ConfirmPanel
          title={t("confirmTitle")}
          body={t("signOutEverywhereHint")}
          confirmLabel={t("confirm")}
          cancelLabel={t("cancel")}
          onConfirm={() => start(() => signOutEverywhereAction())}
          onCancel={() => setAsking(false)}
          busy={busy}
        />
      ) : (
        <button type="button" onClick={() => setAsking(true)} className="rounded border border-slate-400 bg-white px-4 py-2 hover:bg-slate-100">
          {t("signOutEverywhere")}
        </button>
      )}
    </Panel>
  );
}
