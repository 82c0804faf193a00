"use client";

import { useTranslations } from "next-intl";

type Failure = { ok: false; code: string; detail?: Record<string, unknown> };

/**
 * Turns a refused action into a sentence: the selection's own reason when there is one
 * (selection.refusal.<reason>, with steps and states translated), else the generic error text.
 */
export function useResultMessage() {
  const t = useTranslations("selection");
  const tErrors = useTranslations("errors");
  const tEnums = useTranslations("enums");
  return (failure: Failure): string => {
    const detail = (failure.detail ?? {}) as Record<string, string | number | undefined>;
    const reason = typeof detail.reason === "string" ? detail.reason : null;
    if (reason === "outOfOrder") {
      const entity = String(detail.entity);
      const step = t.has(`steps.${entity}.${detail.step}`) ? t(`steps.${entity}.${detail.step}`) : String(detail.step);
      const status = t.has(`status.${entity}.${detail.status}`) ? t(`status.${entity}.${detail.status}`) : String(detail.status);
      return t("refusal.outOfOrder", { step, status });
    }
    if (reason === "wrongPhase") {
      return t("refusal.wrongPhase", { phase: t(`phase.${detail.phase}`), status: t(`status.batch.${detail.batchStatus}`) });
    }
    if (reason && t.has(`refusal.${reason}`)) {
      const params: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(detail)) if (value !== undefined && key !== "reason") params[key] = value as string | number;
      if (typeof params.tier === "string") params.tier = tEnums(`tier.${params.tier}`);
      if (typeof params.status === "string") params.status = tEnums(`status.${params.status}`);
      return t(`refusal.${reason}`, params);
    }
    return tErrors.has(failure.code) ? tErrors(failure.code) : tErrors("VALIDATION");
  };
}
