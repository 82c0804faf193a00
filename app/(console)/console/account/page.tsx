import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadOwnAccount } from "@/lib/accounts/loaders";
import { EmailForm } from "./email-form";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { ButtonLink } from "@/components/button";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("own.title") };
}

export default async function OwnAccountPage() {
  const me = await loadOwnAccount();
  const [t, tRole, tKeys, tHooks, format] = await Promise.all([
    getTranslations("accounts.own"),
    getTranslations("enums.role"),
    getTranslations("apiKeys"),
    getTranslations("webhooks"),
    getFormatter(),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const facts = [
    { term: t("username"), detail: me.username },
    { term: t("role"), detail: tRole(me.role) },
    { term: t("lastSignIn"), detail: when(me.lastSignInAt) },
    { term: t("passwordChangedAt"), detail: when(me.passwordChangedAt) },
    { term: t("sessions"), detail: me.activeSessions },
  ];
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t("title")} />
      <DescriptionList items={facts} className="rounded-lg border border-slate-200 bg-white p-4" />
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/console/account/password">{t("changePassword")}</ButtonLink>
        <ButtonLink href="/console/account/api-keys" variant="secondary">
          {tKeys("accountLink")}
        </ButtonLink>
        <ButtonLink href="/console/account/webhooks" variant="secondary">
          {tHooks("accountLink")}
        </ButtonLink>
      </div>
      <EmailForm current={me.email} />
      <SignOutEverywhere />
    </div>
  );
}
