"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/** The outcome of a change form (status, merge, tier, rename): success, warnings that did not block, or the refusal in words. */
export function ChangeResultMessage({ state, successKey }: { state: ActionResult<unknown> | null; successKey: string }) {
  const t = useTranslations("lifecycle");
  const tValidation = useTranslations("validation");
  const tEnums = useTranslations("enums");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  if (!state) return null;
  if (state.ok) {
    return (
      <div role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-900">
        <p>{t(successKey)}</p>
        {state.warnings?.map((warning, index) => (
          <p key={index} className="text-amber-800">
            {tValidation(warning.key, warning.params)}
          </p>
        ))}
      </div>
    );
  }
  const detail = (state.detail ?? {}) as Record<string, string | null | boolean>;
  let text = tErrors(state.code);
  if (state.code === "INVALID_TRANSITION" && detail.from && detail.to) {
    const from = tEnums(`status.${detail.from}`);
    text = detail.terminal ? t("terminalRefused", { from }) : t("invalidTransition", { from, to: tEnums(`status.${detail.to}`) });
  } else if (state.code === "STALE_VERSION" && detail.changedBy) {
    text = t("stale", {
      by: String(detail.changedBy),
      at: detail.changedAt ? format.dateTime(new Date(String(detail.changedAt)), { dateStyle: "medium", timeStyle: "short" }) : "",
    });
  }
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {text}
    </p>
  );
}
