import type { Metadata } from "next";
import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { SelectField, TextField } from "@/components/form-field";
import { Pagination, paginationLabels } from "@/components/pagination";
import { roles } from "@/lib/auth/roles";
import { ACCOUNT_STATUSES } from "@/lib/accounts/schema";
import { loadAccountList } from "@/lib/accounts/loaders";
import { AccountStatus } from "./account-status";
import { Button, ButtonLink } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { ResultCount } from "@/components/result-count";
import { localName } from "@/components/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  const data = await loadAccountList(await searchParams);
  const [t, tRole, format, locale] = await Promise.all([getTranslations("accounts"), getTranslations("enums.role"), getFormatter(), getLocale()]);
  const { filter } = data;
  const authorityName = new Map(data.authorities.map((authority) => [authority.id, localName(authority, locale)]));
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (filter.q) params.set("q", filter.q);
    if (filter.role) params.set("role", filter.role);
    if (filter.status) params.set("status", filter.status);
    if (page > 1) params.set("page", String(page));
    return `/console/accounts${params.size ? `?${params}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <>
            <ButtonLink href="/console/accounts/requests" variant="secondary">
              {t("requests.link")}
            </ButtonLink>
            <ButtonLink href="/console/accounts/new">{t("list.new")}</ButtonLink>
          </>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <TextField name="q" label={t("list.search")} type="search" defaultValue={filter.q ?? ""} width="auto" />
        <SelectField
          name="role"
          label={t("list.role")}
          defaultValue={filter.role ?? ""}
          width="auto"
          placeholder={t("list.anyRole")}
          options={roles.map((role) => ({ value: role, label: tRole(role) }))}
        />
        <SelectField
          name="status"
          label={t("list.status")}
          defaultValue={filter.status ?? ""}
          width="auto"
          placeholder={t("list.anyStatus")}
          options={ACCOUNT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t("list.filter")}
        </Button>
      </form>
      <ResultCount>{t("list.count", { total: data.total })}</ResultCount>
      <DataTable
        showCaption
        caption={t("list.caption")}
        rows={data.rows}
        empty={t("list.none")}
        columns={[
          {
            key: "username",
            header: t("list.columns.username"),
            cell: (account) => (
              <Link href={`/console/accounts/${account.id}`} className="text-brand-700 underline">
                {account.username}
              </Link>
            ),
          },
          { key: "displayName", header: t("list.columns.displayName"), cell: (account) => account.displayName },
          { key: "role", header: t("list.columns.role"), cell: (account) => tRole(account.role) },
          {
            key: "authority",
            header: t("list.columns.authority"),
            cell: (account) => (account.authorityId ? (authorityName.get(account.authorityId) ?? account.authorityId) : "—"),
          },
          { key: "status", header: t("list.columns.status"), cell: (account) => <AccountStatus user={account} now={data.now} /> },
          {
            key: "lastSignIn",
            header: t("list.columns.lastSignIn"),
            cell: (account) => (account.lastSignInAt ? format.dateTime(account.lastSignInAt, { dateStyle: "short", timeStyle: "short" }) : t("list.never")),
          },
        ]}
      />
      <Pagination page={filter.page} pageSize={data.pageSize} total={data.total} href={query} labels={paginationLabels(t)} />
    </div>
  );
}
