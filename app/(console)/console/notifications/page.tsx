import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { loadNotifications } from "@/lib/notifications/loaders";
import { MarkAllRead, NotificationActions } from "./notification-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** The caller's notifications (docs/decisions/0068): open one (marks it read), mark read, mark all read. */
export default async function NotificationsPage() {
  const data = await loadNotifications();
  const [t, format] = await Promise.all([getTranslations("notifications"), getFormatter()]);
  type Row = (typeof data.rows)[number];
  const text = (row: Row) => (t.has(`kinds.${row.kind}`) ? t(`kinds.${row.kind}`, row.params as Record<string, string>) : row.kind);
  const failed = t("failed");
  const columns = [
    { key: "text", header: t("columns.text"), cell: (row: Row) => (row.readAt ? text(row) : <strong>{text(row)}</strong>), rowHeader: true },
    {
      key: "createdAt",
      header: t("columns.createdAt"),
      cell: (row: Row) => format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }),
      className: "whitespace-nowrap",
    },
    {
      key: "status",
      header: t("columns.status"),
      cell: (row: Row) => (row.readAt ? <Badge tone="gray">{t("status.read")}</Badge> : <Badge tone="blue">{t("status.unread")}</Badge>),
    },
    {
      key: "actions",
      header: t("columns.actions"),
      cell: (row: Row) => (
        <NotificationActions
          id={row.id}
          link={row.link}
          unread={!row.readAt}
          labels={{
            open: t("open"),
            openLabel: t("openLabel", { text: text(row) }),
            markRead: t("markRead"),
            markReadLabel: t("markReadLabel", { text: text(row) }),
            failed,
          }}
        />
      ),
    },
  ];
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Panel title={t("caption")}>
        <div className="mb-3 flex items-center gap-3">
          <p className="text-sm text-slate-700" data-testid="unread-summary">
            {t("unreadSummary", { count: data.unread })}
          </p>
          {data.unread ? <MarkAllRead label={t("markAllRead")} failed={failed} /> : null}
        </div>
        <DataTable
          caption={t("caption")}
          rows={data.rows}
          empty={t("none")}
          variant="inset"
          rowProps={(row) => ({ "data-testid": `notification-${row.kind}` })}
          columns={columns}
        />
      </Panel>
    </div>
  );
}
