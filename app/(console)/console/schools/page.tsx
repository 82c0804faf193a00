import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination, paginationLabels } from "@/components/pagination";
import { loadSchoolList } from "@/lib/schools/loaders";
import { hasNarrowingFilter, schoolListQuery } from "@/lib/schools/list-filters";
import { ListFiltersForm } from "./list-filters-form";
import { SchoolsTable } from "./schools-table";
import { ButtonLink, buttonClass } from "@/components/button";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { ResultCount } from "@/components/result-count";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchoolsPage({ searchParams }: Props) {
  const data = await loadSchoolList(await searchParams);
  const [t, locale] = await Promise.all([getTranslations("schools"), getLocale()]);
  const { filters, total } = data;
  const exportQuery = schoolListQuery(filters, { page: 1 });
  const numbers = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} actions={data.canWrite ? <ButtonLink href="/console/schools/new">{t("list.new")}</ButtonLink> : null} />
      {data.invalid.length ? (
        <Notice tone="warning" role="status" testId="invalid-filters">
          {t("list.invalidFilters", { keys: data.invalid.join(", ") })}
        </Notice>
      ) : null}
      <ListFiltersForm filters={filters} authorities={data.authorities} divisions={data.divisions} locale={locale} />
      <ResultCount
        actions={(["xlsx", "csv"] as const).map((format) => (
          <a
            key={format}
            href={`/console/schools/export?format=${format}${exportQuery ? `&${exportQuery}` : ""}`}
            className={buttonClass({ variant: "secondary", size: "xs" })}
          >
            {t(format === "xlsx" ? "list.exportXlsx" : "list.exportCsv")}
          </a>
        ))}
      >
        {hasNarrowingFilter(filters) ? t("list.countFiltered", { total: numbers.format(total) }) : t("list.count", { total: numbers.format(total) })}
      </ResultCount>
      <SchoolsTable rows={data.rows} filters={filters} showAuthority={!data.scope} locale={locale} />
      <Pagination
        page={filters.page}
        pageSize={filters.pageSize}
        total={total}
        href={(page) => `/console/schools?${schoolListQuery(filters, { page })}`}
        labels={paginationLabels(t)}
      />
    </div>
  );
}
