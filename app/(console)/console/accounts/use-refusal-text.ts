"use client";

import { useTranslations } from "next-intl";

/**
 * The words for a refused account action: the dual-control reason when the refusal names one
 * (DUAL_CONTROL, REQUESTER, TARGET…), else the error code's message.
 */
export function useRefusalText() {
  const t = useTranslations("accounts.requests.refusals");
  const tErrors = useTranslations("errors");
  return (result: { code: string; detail?: Record<string, unknown> }) => {
    const reason = result.detail?.reason;
    return typeof reason === "string" && t.has(reason) ? t(reason) : tErrors(result.code);
  };
}
