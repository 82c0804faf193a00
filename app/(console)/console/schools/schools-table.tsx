import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SchoolListRow } from "@/lib/schools/data";
import { formatDateTime } from "@/lib/schools/format";
import { schoolListQuery, type SchoolListFilters, type SchoolSort } from "@/lib/schools/list-filters";

/** The list's table; sortable columns are links that keep every filter and restart paging. */
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
  const te = await getTranslations("enums");
  const en = locale === "en";

  const sortHeader = (column: SchoolSort, label: string) => {
    const active = filters.sort === column;
    const dir = active && filters.dir === "asc" ? "desc" : "asc";
    const href = `/console/schools?${schoolListQuery(filters, { sort: column, dir, page: 1 })}`;
    return (
      <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2 text-left font-medium">
        <Link href={href} className="underline decoration-dotted hover:text-brand-700" title={t("list.sortBy", { column: label })}>
          {label}
          {active ? <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
          {active ? <span className="sr-only"> ({filters.dir === "asc" ? t("list.sortedAsc") : t("list.sortedDesc")})</span> : null}
        </Link>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="schools-table">
        <caption className="sr-only">{t("list.caption", { page: filters.page })}</caption>
        <thead className="bg-slate-100">
          <tr>
            {sortHeader("name", t("list.colName"))}
            {showAuthority ? (
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t("list.colAuthority")}
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("list.colCity")}
            </th>
            {sortHeader("tier", t("list.colTier"))}
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("list.colStatus")}
            </th>
            {sortHeader("updated", t("list.colUpdated"))}
            {sortHeader("confirmed", t("list.colConfirmed"))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100" data-testid="school-row">
              <td className="px-3 py-1.5">
                <Link href={`/console/schools/${r.id}`} className="font-medium text-brand-700 underline">
                  {r.nameZh}
                </Link>
                {r.stale ? (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" data-testid="stale-badge">
                    {t("list.stale")}
                  </span>
                ) : null}
                {r.isDemo ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("demo")}</span> : null}
                {en && r.nameEn ? <div className="text-xs text-slate-500">{r.nameEn}</div> : null}
              </td>
              {showAuthority ? <td className="px-3 py-1.5">{en ? r.authority.nameEn : r.authority.shortZh}</td> : null}
              <td className="px-3 py-1.5">{r.division ? (en ? r.division.nameEn : r.division.nameZh) : "—"}</td>
              <td className="px-3 py-1.5">{te(`tier.${r.tier}`)}</td>
              <td className="px-3 py-1.5">{te(`status.${r.status}`)}</td>
              <td className="px-3 py-1.5 tabular-nums">{formatDateTime(r.updatedAt, locale)}</td>
              <td className="px-3 py-1.5 tabular-nums">{r.lastConfirmedAt ? formatDateTime(r.lastConfirmedAt, locale) : t("list.neverConfirmed")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
