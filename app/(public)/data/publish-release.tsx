"use client";

import { useActionState, useState, startTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { publishReleaseAction } from "@/lib/opendata/actions";

/** The ministry administrator's "publish a release" button, with a confirmation step. */
export function PublishRelease() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(publishReleaseAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-700">{t("opendata.page.publishHelp")}</p>
      {confirming ? (
        <ConfirmPanel
          title={t("opendata.page.confirmTitle")}
          body={t("opendata.page.confirmBody")}
          confirmLabel={t("opendata.page.publish")}
          cancelLabel={t("common.cancel")}
          busy={pending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            startTransition(() => action(new FormData()));
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("opendata.page.publishing") : t("opendata.page.publish")}
        </button>
      )}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {t("opendata.page.published", { slug: state.data.slug })}
        </p>
      ) : state && !state.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`errors.${state.code}`)}
        </p>
      ) : null}
    </div>
  );
}
