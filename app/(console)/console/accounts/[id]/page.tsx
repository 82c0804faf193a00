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
  const { account: a, isSelf, now } = await loadAccount(id);
  const [t, te, format, locale] = await Promise.all([getTranslations("accounts.detail"), getTranslations("enums.role"), getFormatter(), getLocale()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("none"));
  const facts: [string, React.ReactNode][] = [
    [t("username"), a.username],
    [t("displayName"), a.displayName],
    [t("role"), te(a.role)],
    [t("authority"), a.authority ? (locale === "en" ? a.authority.nameEn : a.authority.nameZh) : t("none")],
    [t("personId"), a.personId ?? t("none")],
    [
      t("status"),
      <span key="s" className="flex flex-wrap items-center gap-2">
        <AccountStatus user={a} now={now} />
        {a.lockedUntil && a.lockedUntil > now ? <span className="text-sm">{t("lockedUntil", { time: when(a.lockedUntil) })}</span> : null}
      </span>,
    ],
    [t("createdAt"), when(a.createdAt)],
    [t("lastSignIn"), when(a.lastSignInAt)],
    [t("passwordChangedAt"), when(a.passwordChangedAt)],
    [t("activeSessions"), a.activeSessions],
  ];
  if (a.role === "EXPERT") {
    facts.push([
      t("affiliations"),
      a.expertAffiliations.length ? a.expertAffiliations.map((x) => `${x.school.nameZh}（${x.school.publicCode}）`).join("；") : t("none"),
    ]);
  }
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/console/accounts" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {a.displayName}（{a.username}）
      </h1>
      <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-2 font-semibold">
          {t("facts")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      {isSelf ? <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">{t("self")}</p> : <AccountActions id={a.id} disabled={a.disabled} />}
    </div>
  );
}
