import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { loadAccountRequests } from "@/lib/accounts/requests/loaders";
import { RequestDecision } from "./request-decision";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.requests"))("title") };
}

/**
 * Requests about privileged accounts (docs/decisions/0052): the system administrators who file
 * them and the people who decide them. Each pending row offers only what this caller may do.
 */
export default async function AccountRequestsPage() {
  const data = await loadAccountRequests();
  const [t, tRole, format] = await Promise.all([getTranslations("accounts.requests"), getTranslations("enums.role"), getFormatter()]);
  type Row = (typeof data.pending)[number];
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const common = [
    { key: "kind", header: t("columns.kind"), cell: (row: Row) => t(`kinds.${row.kind}`), rowHeader: true },
    {
      key: "account",
      header: t("columns.account"),
      cell: (row: Row) => (
        <span>
          {row.username}
          <span className="block text-xs text-slate-600">
            {row.displayName} · {tRole(row.role)}
          </span>
        </span>
      ),
    },
    { key: "reason", header: t("columns.reason"), cell: (row: Row) => row.reason },
    { key: "requestedBy", header: t("columns.requestedBy"), cell: (row: Row) => `${row.requestedBy}（${when(row.requestedAt)}）` },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Panel title={t("pending")}>
        <DataTable
          caption={t("pending")}
          rows={data.pending}
          empty={t("nonePending")}
          rowProps={(row) => ({ "data-testid": `request-${row.username}` })}
          columns={[
            ...common,
            { key: "expiresAt", header: t("columns.expiresAt"), cell: (row) => when(row.expiresAt), className: "whitespace-nowrap" },
            {
              key: "actions",
              header: t("columns.actions"),
              cell: (row) => (
                <RequestDecision
                  request={{ id: row.id, kind: row.kind, username: row.username }}
                  canDecide={row.decisionRefusal === null}
                  refusal={row.decisionRefusal}
                  canCancel={row.mine}
                />
              ),
            },
          ]}
        />
      </Panel>
      <Panel title={t("decided")}>
        <DataTable
          caption={t("decided")}
          rows={data.decided}
          empty={t("noneDecided")}
          columns={[
            ...common,
            {
              key: "status",
              header: t("columns.status"),
              cell: (row) => <Badge tone={row.status === "APPROVED" ? "green" : "gray"}>{t(`statuses.${row.status}`)}</Badge>,
            },
            {
              key: "decidedBy",
              header: t("columns.decidedBy"),
              cell: (row) => (row.decidedBy ? `${row.decidedBy}（${when(row.decidedAt)}）` : when(row.decidedAt)),
            },
            { key: "note", header: t("columns.note"), cell: (row) => row.decisionNote ?? "" },
          ]}
        />
      </Panel>
    </div>
  );
}
