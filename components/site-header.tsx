import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

/** The top bar shared by public and console pages. `right` holds the user menu when signed in. */
export async function SiteHeader({ right }: { right?: React.ReactNode }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <header className="bg-brand-800 text-white no-print">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-wide">
          {t("appNameFull")}
        </Link>
        <div className="flex items-center gap-3">
          {right}
          <LanguageSwitch current={locale} label={t("language")} switchTo={t("switchTo")} />
        </div>
      </div>
    </header>
  );
}
