import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadOwnAccount } from "@/lib/accounts/loaders";
import { SignOutEverywhere } from "./sign-out-everywhere";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("own.title") };
}

export default async function OwnAccountPage() {
  const me = await loadOwnAccount();
  const [t, tRole, format] = await Promise.all([getTranslations("accounts.own"), getTranslations("enums.role"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const facts: [string, React.ReactNode][] = [
    [t("username"), me.username],
    [t("role"), tRole(me.role)],
    [t("lastSignIn"), when(me.lastSignInAt)],
    [t("passwordChangedAt"), when(me.passwordChangedAt)],
    [t("sessions"), me.activeSessions],
  ];
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        {facts.map(([term, detail]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd>{detail}</dd>
          </div>
        ))}
      </dl>
      <Link href="/console/account/password" className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {t("changePassword")}
      </Link>
      <SignOutEverywhere />
    </div>
  );
}
