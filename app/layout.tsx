import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RouteErrorTextsProvider } from "@/components/route-error-texts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appNameFull"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const outage = await getTranslations("outage");
  // No catalog for the browser here: only the error boundary needs words on every page; areas
  // whose client components use the catalog add their own provider (lib/i18n/client-messages.ts).
  const errorTexts = { title: outage("errorTitle"), body: outage("errorBody"), retry: outage("retry") };
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <RouteErrorTextsProvider texts={errorTexts}>{children}</RouteErrorTextsProvider>
      </body>
    </html>
  );
}
