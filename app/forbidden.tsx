import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("errors.forbiddenBody")}</p>
      <Link href="/console" className="mt-4 inline-block text-brand-700 underline">
        {t("nav.consoleHome")}
      </Link>
    </main>
  );
}
