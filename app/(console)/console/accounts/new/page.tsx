import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadNewAccountForm } from "@/lib/accounts/loaders";
import { CreateAccountForm } from "./create-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("new.title") };
}

export default async function NewAccountPage() {
  const { authorities } = await loadNewAccountForm();
  const [t, locale] = await Promise.all([getTranslations("accounts"), getLocale()]);
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/console/accounts" className="text-sm text-brand-700 underline">
        {t("detail.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("new.title")}</h1>
      <p className="text-slate-600">{t("new.intro")}</p>
      <CreateAccountForm authorities={authorities.map((authority) => ({ id: authority.id, name: locale === "en" ? authority.nameEn : authority.nameZh }))} />
    </div>
  );
}
