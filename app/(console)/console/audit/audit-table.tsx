import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { AuditRow } from "@/lib/audit/data";

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value, null, 1));

/** Newest first; before/after values folded into a <details> per row. */
export async function AuditTable({ rows, authorities }: { rows: AuditRow[]; authorities: { id: string; name: string }[] }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const names = new Map(authorities.map((authority) => [authority.id, authority.name]));
  const values = (title: string, value: unknown) =>
    value ? (
      <>
        <p className="font-medium">{title}</p>
        <pre className="max-w-md whitespace-pre-wrap break-all text-xs">{json(value)}</pre>
      </>
    ) : null;
  return (
    <DataTable
      showCaption
      caption={t("caption")}
      testId="audit-table"
      rows={rows}
      alignTop
      empty={t("none")}
      columns={[
        {
          key: "at",
          header: t("columns.at"),
          className: "whitespace-nowrap tabular-nums",
          cell: (row) => format.dateTime(row.at, { dateStyle: "short", timeStyle: "medium" }),
        },
        { key: "actor", header: t("columns.actor"), cell: (row) => (row.actorId ? row.actorLabel : `${row.actorLabel} ${t("system")}`) },
        { key: "action", header: t("columns.action"), className: "font-mono", cell: (row) => row.action },
        {
          key: "entity",
          header: t("columns.entity"),
          cell: (row) => (
            <>
              <span className="font-mono">{row.entityType}</span> <span className="break-all text-slate-600">{row.entityId}</span>
            </>
          ),
        },
        { key: "authority", header: t("columns.authority"), cell: (row) => (row.authorityId ? (names.get(row.authorityId) ?? row.authorityId) : "—") },
        {
          key: "details",
          header: t("columns.details"),
          cell: (row) =>
            row.before || row.after || row.reason ? (
              <details>
                <summary className="cursor-pointer text-brand-700">{t("columns.details")}</summary>
                {row.reason ? <p>{row.reason}</p> : null}
                {values(t("before"), row.before)}
                {values(t("after"), row.after)}
              </details>
            ) : null,
        },
      ]}
    />
  );
}
