import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

const NAV = [
  ["/", "nav.home"],
  ["/schools", "search.nav"],
  ["/verify", "verify.nav"],
  ["/data", "opendata.nav"],
  ["/console", "nav.console"],
] as const;

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <SiteHeader
        right={
          <nav aria-label={t("nav.mainNav")} className="flex gap-3 text-sm">
            {NAV.map(([href, key]) => (
              <Link key={href} href={href} className="hover:underline">
                {t(key)}
              </Link>
            ))}
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
