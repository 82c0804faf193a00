import type { Metadata } from "next";
import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadAccount } from "@/lib/accounts/loaders";
import { AccountStatus } from "../account-status";
import { EmailForm } from "../../account/email-form";
import { AccountActions } from "./account-actions";
import { DescriptionList } from "@/components/description-list";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("detail.facts") };
}

type Props = { params: Promise<{ id: string }> };

export default async function AccountPage({ params }: Props) {
  const { id } = await params;
  const { account, isSelf, privileged, pendingRequest, now } = await loadAccount(id);
  const [t, tEmail, tRequests, tRole, format, locale] = await Promise.all([
    getTranslations("accounts.detail"),
    getTranslations("accountEmail"),
    getTranslations("accounts.requests"),
    getTranslations("enums.role"),
    getFormatter(),
    getLocale(),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("none"));
  const facts = [
    { term: t("username"), detail: account.username },
    { term: t("displayName"), detail: account.displayName },
    { term: t("role"), detail: tRole(account.role) },
    { term: t("authority"), detail: account.authority ? localName(account.authority, locale) : t("none") },
    { term: t("personId"), detail: account.personId ?? t("none") },
    { term: tEmail("term"), detail: account.email ?? tEmail("none") },
    {
      term: t("status"),
      detail: (
        <span className="flex flex-wrap items-center gap-2">
          <AccountStatus user={account} now={now} />
          {account.lockedUntil && account.lockedUntil > now ? <span className="text-sm">{t("lockedUntil", { time: when(account.lockedUntil) })}</span> : null}
        </span>
      ),
    },
    { term: t("createdAt"), detail: when(account.createdAt) },
    { term: t("lastSignIn"), detail: when(account.lastSignInAt) },
    { term: t("passwordChangedAt"), detail: when(account.passwordChangedAt) },
    { term: t("activeSessions"), detail: account.activeSessions },
    account.role === "EXPERT" && {
      term: t("affiliations"),
      detail: account.expertAffiliations.length
        ? account.expertAffiliations.map((affiliation) => `${affiliation.school.nameZh}（${affiliation.school.publicCode}）`).join("；")
        : t("none"),
    },
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader back={{ href: "/console/accounts", label: t("back") }} title={`${account.displayName}（${account.username}）`} />
      <Panel title={t("facts")}>
        <DescriptionList items={facts} />
      </Panel>
      {privileged && !isSelf ? (
        <Notice tone="info" role="note">
          {tRequests("privileged")}
        </Notice>
      ) : null}
      {pendingRequest ? (
        <Notice tone="warning" testId="pending-request">
          {tRequests("pendingNotice", {
            kind: tRequests(`kinds.${pendingRequest.kind}`),
            requester: pendingRequest.requestedBy.username,
            time: when(pendingRequest.expiresAt),
          })}{" "}
          <Link href="/console/accounts/requests" className="text-brand-700 underline">
            {tRequests("viewRequests")}
          </Link>
        </Notice>
      ) : null}
      {isSelf ? <Notice tone="warning">{t("self")}</Notice> : <AccountActions id={account.id} disabled={account.disabled} privileged={privileged} />}
      {isSelf || privileged ? null : <EmailForm accountId={account.id} current={account.email} />}
    </div>
  );
}
