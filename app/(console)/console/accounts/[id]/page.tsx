import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadAccount } from "@/lib/accounts/loaders";
import { AccountStatus } from "../account-status";
import { AccountActions } from "./account-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("detail.facts") };
}

type Props = { params: Promise<{ id: string }> };

export default async function AccountPage({ params }: Props) {
  const { id } = await params;
  const { account, isSelf, now } = await loadAccount(id);
  const [t, tRole, format, locale] = await Promise.all([getTranslations("accounts.detail"), getTranslations("enums.role"), getFormatter(), getLocale()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("none"));
  const facts: [string, React.ReactNode][] = [
    [t("username"), account.username],
    [t("displayName"), account.displayName],
    [t("role"), tRole(account.role)],
    [t("authority"), account.authority ? (locale === "en" ? account.authority.nameEn : account.authority.nameZh) : t("none")],
    [t("personId"), account.personId ?? t("none")],
    [
      t("status"),
      <span key="s" className="flex flex-wrap items-center gap-2">
        <AccountStatus user={account} now={now} />
        {account.lockedUntil && account.lockedUntil > now ? <span className="text-sm">{t("lockedUntil", { time: when(account.lockedUntil) })}</span> : null}
      </span>,
    ],
    [t("createdAt"), when(account.createdAt)],
    [t("lastSignIn"), when(account.lastSignInAt)],
    [t("passwordChangedAt"), when(account.passwordChangedAt)],
    [t("activeSessions"), account.activeSessions],
  ];
  if (account.role === "EXPERT") {
    facts.push([
      t("affiliations"),
      account.expertAffiliations.length
        ? account.expertAffiliations.map((affiliation) => `${affiliation.school.nameZh}（${affiliation.school.publicCode}）`).join("；")
        : t("none"),
    ]);
  }
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/console/accounts" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {account.displayName}（{account.username}）
      </h1>
      <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-2 font-semibold">
          {t("facts")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          {facts.map(([term, detail]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-600">{term}</dt>
              <dd>{detail}</dd>
            </div>
          ))}
        </dl>
      </section>
      {isSelf ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">{t("self")}</p>
      ) : (
        <AccountActions id={account.id} disabled={account.disabled} />
      )}
    </div>
  );
}
