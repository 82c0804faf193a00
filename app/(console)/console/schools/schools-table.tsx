import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/badge";
import { DataTable, type Column } from "@/components/data-table";
import type { SchoolListRow } from "@/lib/schools/data";
import { formatDateTime } from "@/lib/schools/format";
import { schoolListQuery, type SchoolListFilters, type SchoolSort } from "@/lib/schools/list-filters";
import { localName } from "@/components/local-name";

/** The list's table; sortable columns' headers are links. */
export async function SchoolsTable({
  rows,
  filters,
  showAuthority,
  locale,
}: {
  rows: SchoolListRow[];
  filters: SchoolListFilters;
  showAuthority: boolean;
  locale: string;
}) {
  const t = await getTranslations("schools");
  const tEnums = await getTranslations("enums");
  const en = locale === "en";

  // A sortable column's header is a link that keeps every filter and restarts paging.
  const sortable = (column: SchoolSort, label: string) => {
    const active = filters.sort === column;
    const ascending = filters.dir === "asc";
    const href = `/console/schools?${schoolListQuery(filters, { sort: column, dir: active && ascending ? "desc" : "asc", page: 1 })}`;
    return {
      sort: active ? (ascending ? "ascending" : "descending") : "none",
      header: (
        <Link href={href} className="underline decoration-dotted hover:text-brand-700" title={t("list.sortBy", { column: label })}>
          {label}
          {active ? <span aria-hidden="true">{ascending ? " ▲" : " ▼"}</span> : null}
          {active ? <span className="sr-only"> ({ascending ? t("list.sortedAsc") : t("list.sortedDesc")})</span> : null}
        </Link>
      ),
    } as const;
  };
  const name = (record: { nameZh: string; nameEn: string }) => localName(record, locale);

  const columns: Column<SchoolListRow>[] = [
    {
      key: "name",
      ...sortable("name", t("list.colName")),
      cell: (row) => (
        <>
          <Link href={`/console/schools/${row.id}`} className="font-medium text-brand-700 underline">
            {row.nameZh}
          </Link>
          {row.stale ? (
            <Badge tone="amber" className="ml-2" testId="stale-badge">
              {t("list.stale")}
            </Badge>
          ) : null}
          {row.isDemo ? (
            <Badge tone="slate" className="ml-2">
              {t("demo")}
            </Badge>
          ) : null}
          {en && row.nameEn ? <div className="text-xs text-slate-500">{row.nameEn}</div> : null}
        </>
      ),
    },
    ...(showAuthority
      ? [{ key: "authority", header: t("list.colAuthority"), cell: (row: SchoolListRow) => (en ? row.authority.nameEn : row.authority.shortZh) }]
      : []),
    { key: "city", header: t("list.colCity"), cell: (row) => (row.division ? name(row.division) : "—") },
    { key: "tier", ...sortable("tier", t("list.colTier")), cell: (row) => tEnums(`tier.${row.tier}`) },
    { key: "status", header: t("list.colStatus"), cell: (row) => tEnums(`status.${row.status}`) },
    { key: "updated", ...sortable("updated", t("list.colUpdated")), className: "tabular-nums", cell: (row) => formatDateTime(row.updatedAt, locale) },
    {
      key: "confirmed",
      ...sortable("confirmed", t("list.colConfirmed")),
      className: "tabular-nums",
      cell: (row) => (row.lastConfirmedAt ? formatDateTime(row.lastConfirmedAt, locale) : t("list.neverConfirmed")),
    },
  ];
  return (
    <DataTable
      caption={t("list.caption", { page: filters.page })}
      testId="schools-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowProps={() => ({ "data-testid": "school-row" })}
      empty={t("list.none")}
    />
  );
}
