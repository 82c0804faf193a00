import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <SiteHeader
        right={
          <nav aria-label={t("nav.mainNav")} className="flex gap-3 text-sm">
            <Link href="/" className="hover:underline">
              {t("nav.home")}
            </Link>
            <Link href="/schools" className="hover:underline">
              {t("search.nav")}
            </Link>
            <Link href="/verify" className="hover:underline">
              {t("verify.nav")}
            </Link>
            <Link href="/data" className="hover:underline">
              {t("opendata.nav")}
            </Link>
            <Link href="/console" className="hover:underline">
              {t("nav.console")}
            </Link>
          </nav>
        }
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">
        {t("common.footer")}{" "}
        <Link href="/data#api" className="underline">
          {t("opendata.apiDocsLink")}
        </Link>
      </footer>
    </>
  );
}
