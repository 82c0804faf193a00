import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import { loadConfirmationFlag } from "@/lib/campaigns/loaders";

/** 未按期核验: shown when the record was not confirmed in the last ended annual confirmation (docs/decisions/0066). */
export async function NotConfirmedFlag({ school }: { school: { status: string; lastConfirmedAt: string | null } }) {
  const flag = await loadConfirmationFlag(school);
  if (!flag) return null;
  const t = await getTranslations("campaigns");
  return (
    <Notice tone="warning" testId="not-confirmed-on-time">
      <strong>{t("flag")}</strong> {t("flagNote", { year: flag.year })}
    </Notice>
  );
}
