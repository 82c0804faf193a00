import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadNewAccountForm } from "@/lib/accounts/loaders";
import { CreateAccountForm } from "./create-account-form";
import { PageHeader } from "@/components/page-header";
import { localName } from "@/components/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("new.title") };
}

export default async function NewAccountPage() {
  const { authorities } = await loadNewAccountForm();
  const [t, locale] = await Promise.all([getTranslations("accounts"), getLocale()]);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader back={{ href: "/console/accounts", label: t("detail.back") }} title={t("new.title")} intro={t("new.intro")} />
      <CreateAccountForm authorities={authorities.map((authority) => ({ id: authority.id, name: localName(authority, locale) }))} />
    </div>
  );
}
