import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { Pagination, paginationLabels } from "@/components/pagination";
import { ResultCount } from "@/components/result-count";
import { formatShanghai } from "@/lib/kernel/dates";
import { measureLabel } from "@/lib/quality/labels";
import { loadQualityList } from "@/lib/quality/loaders";

type Props = { params: Promise<{ measure: string }>; searchParams: Promise<{ authority?: string | string[]; page?: string | string[] }> };
const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

/** The records behind one number of the data-quality page: the same `where` as the count (lib/quality/measures.ts). */
export default async function QualityListPage({ params, searchParams }: Props) {
  const { measure } = await params;
  const query = await searchParams;
  const authority = one(query.authority);
  const [data, t, root, locale] = await Promise.all([
    loadQualityList(decodeURIComponent(measure), authority, Number(one(query.page) ?? 1)),
    getTranslations("quality"),
    getTranslations(),
    getLocale(),
  ]);
  const label = measureLabel(root, data.measure);
  const back = `/console/quality${authority ? `?authority=${encodeURIComponent(authority)}` : ""}`;
  const here = (page: number) => `/console/quality/${measure}?${new URLSearchParams({ ...(authority ? { authority } : {}), page: String(page) })}`;
  type Row = (typeof data.rows)[number];
  return (
    <div className="space-y-4">
      <PageHeader title={t("list.title", { measure: label })} back={{ href: back, label: t("list.back") }} titleTestId="quality-list-title" />
      <ResultCount>
        <span data-testid="quality-list-count">{t("list.count", { n: data.total })}</span>
      </ResultCount>
      <DataTable<Row>
        caption={t("list.caption")}
        rows={data.rows}
        empty={t("list.empty")}
        testId="quality-list"
        columns={[
          {
            key: "name",
            header: t("list.name"),
            rowHeader: true,
            cell: (row) => (
              <Link href={`/console/schools/${row.id}`} className="text-brand-700 underline">
                {localName(row, locale)}
              </Link>
            ),
          },
          { key: "authority", header: t("list.authority"), cell: (row) => localName(row.authority, locale) },
          { key: "city", header: t("list.city"), cell: (row) => (row.division ? localName(row.division, locale) : "—") },
          { key: "tier", header: t("list.tier"), cell: (row) => root(`enums.tier.${row.tier}`) },
          { key: "uscc", header: t("list.uscc"), cell: (row) => row.uscc ?? "—" },
          {
            key: "confirmed",
            header: t("list.lastConfirmed"),
            className: "whitespace-nowrap",
            cell: (row) => (row.lastConfirmedAt ? formatShanghai(row.lastConfirmedAt, locale) : t("list.never")),
          },
        ]}
      />
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        href={here}
        labels={paginationLabels((key, values) => root(`schools.${key}`, values))}
      />
    </div>
  );
}
