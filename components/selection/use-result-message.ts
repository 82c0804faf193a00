"use client";

import { useTranslations } from "next-intl";

type Failure = { ok: false; code: string; detail?: Record<string, unknown> };

/**
 * Turns a refused action into a sentence: the selection's own reason when there is one
 * (selection.refusal.<reason>, with steps and states translated), else the generic error text.
 */
export function useResultMessage() {
  const t = useTranslations("selection");
  const te = useTranslations("errors");
  const tEnum = useTranslations("enums");
  return (r: Failure): string => {
    const d = (r.detail ?? {}) as Record<string, string | number | undefined>;
    const reason = typeof d.reason === "string" ? d.reason : null;
    if (reason === "outOfOrder") {
      const entity = String(d.entity);
      const step = t.has(`steps.${entity}.${d.step}`) ? t(`steps.${entity}.${d.step}`) : String(d.step);
      const status = t.has(`status.${entity}.${d.status}`) ? t(`status.${entity}.${d.status}`) : String(d.status);
      return t("refusal.outOfOrder", { step, status });
    }
    if (reason === "wrongPhase") {
      return t("refusal.wrongPhase", { phase: t(`phase.${d.phase}`), status: t(`status.batch.${d.batchStatus}`) });
    }
    if (reason && t.has(`refusal.${reason}`)) {
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(d)) if (v !== undefined && k !== "reason") params[k] = v as string | number;
      if (typeof params.tier === "string") params.tier = tEnum(`tier.${params.tier}`);
      if (typeof params.status === "string") params.status = tEnum(`status.${params.status}`);
      return t(`refusal.${reason}`, params);
    }
    return te.has(r.code) ? te(r.code) : te("VALIDATION");
  };
}
