import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import type { VerifyStatus } from "@/lib/verify/status";

/**
 * What a reader who scanned a printed sheet's QR code (?digest=) learns: whether the registry still
 * says what the paper says, or which parts changed since (the facts below are the current ones).
 */
export async function PrintedCheck({ printed }: { printed: VerifyStatus }) {
  const t = await getTranslations("verify");
  if (printed.current) {
    return (
      <Notice tone="success" testId="printed-check" className="no-print">
        {t("printedCurrent")}
      </Notice>
    );
  }
  const parts = printed.changed.map((part) => t(`parts.${part}`)).join(t("partsSeparator"));
  return (
    <Notice tone="warning" role="alert" testId="printed-check" className="no-print">
      {t("printedChanged", { parts })}
    </Notice>
  );
}
