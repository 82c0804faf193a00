import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { loadApiKeys } from "@/lib/api-keys/loaders";
import { env } from "@/lib/env";
import { IssueKeyForm } from "./issue-key-form";
import { RevokeKey } from "./revoke-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

/** The caller's open-data API keys (docs/decisions/0085): issue, list, revoke. */
export default async function ApiKeysPage() {
  const data = await loadApiKeys();
  const [t, format] = await Promise.all([getTranslations("apiKeys"), getFormatter()]);
  const { API_KEY_RATE_LIMIT_PER_MINUTE: keyed, API_RATE_LIMIT_PER_MINUTE: anonymous } = env();
  const limit = (perMinute: number) => (perMinute === 0 ? t("unlimited") : format.number(perMinute));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  type Row = (typeof data.rows)[number];
  const columns = [
    { key: "name", header: t("list.columns.name"), cell: (row: Row) => row.name, rowHeader: true },
    { key: "prefix", header: t("list.columns.prefix"), cell: (row: Row) => <code className="font-mono text-sm">{row.prefix}…</code> },
    ...(data.everyAccount ? [{ key: "owner", header: t("list.columns.owner"), cell: (row: Row) => `${row.owner.displayName}（${row.owner.username}）` }] : []),
    { key: "createdAt", header: t("list.columns.createdAt"), cell: (row: Row) => when(row.createdAt), className: "whitespace-nowrap" },
    {
      key: "lastUsedAt",
      header: t("list.columns.lastUsedAt"),
      cell: (row: Row) => (row.lastUsedAt ? when(row.lastUsedAt) : t("list.never")),
      className: "whitespace-nowrap",
    },
    {
      key: "status",
      header: t("list.columns.status"),
      cell: (row: Row) =>
        row.revokedAt ? <Badge tone="gray">{t("list.revoked", { when: when(row.revokedAt) })}</Badge> : <Badge tone="green">{t("list.active")}</Badge>,
    },
    { key: "actions", header: t("list.columns.actions"), cell: (row: Row) => (row.revokedAt ? null : <RevokeKey id={row.id} name={row.name} />) },
  ];
  const listTitle = data.everyAccount ? t("list.all") : t("list.mine");
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="text-sm text-slate-700">{t("limits", { keyed: limit(keyed), anonymous: limit(anonymous) })}</p>
      <p className="text-sm text-slate-700">{t("howTo")}</p>
      <Panel title={t("issue.title")}>
        <IssueKeyForm atLimit={!data.canIssue} max={data.max} />
      </Panel>
      <Panel title={listTitle}>
        <DataTable
          caption={listTitle}
          rows={data.rows}
          empty={t("list.none")}
          variant="inset"
          rowProps={(row) => ({ "data-testid": `api-key-${row.name}` })}
          columns={columns}
        />
      </Panel>
    </div>
  );
}
