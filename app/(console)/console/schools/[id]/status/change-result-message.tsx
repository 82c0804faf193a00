"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/** The outcome of a change form (status, merge, tier, rename): success, warnings that did not block, or the refusal in words. */
export function ChangeResultMessage({ state, successKey }: { state: ActionResult<unknown> | null; successKey: string }) {
  const t = useTranslations("lifecycle");
  const tv = useTranslations("validation");
  const te = useTranslations("enums");
  const terr = useTranslations("errors");
  const format = useFormatter();
  if (!state) return null;
  if (state.ok) {
    return (
      <div role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-900">
        <p>{t(successKey)}</p>
        {state.warnings?.map((w, i) => (
          <p key={i} className="text-amber-800">
            {tv(w.key, w.params)}
          </p>
        ))}
      </div>
    );
  }
  const d = (state.detail ?? {}) as Record<string, string | null | boolean>;
  let text = terr(state.code);
  if (state.code === "INVALID_TRANSITION" && d.from && d.to) {
    const from = te(`status.${d.from}`);
    text = d.terminal ? t("terminalRefused", { from }) : t("invalidTransition", { from, to: te(`status.${d.to}`) });
  } else if (state.code === "STALE_VERSION" && d.changedBy) {
    text = t("stale", {
      by: String(d.changedBy),
      at: d.changedAt ? format.dateTime(new Date(String(d.changedAt)), { dateStyle: "medium", timeStyle: "short" }) : "",
    });
  }
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {text}
    </p>
  );
}
