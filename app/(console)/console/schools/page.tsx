import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { loadSchoolList } from "@/lib/schools/loaders";
import { hasNarrowingFilter, schoolListQuery } from "@/lib/schools/list-filters";
import { ListFiltersForm } from "./list-filters-form";
import { SchoolsTable } from "./schools-table";

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
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {data.canWrite ? (
          <Link href="/console/schools/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("list.new")}
          </Link>
        ) : null}
      </div>
      {data.invalid.length ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="invalid-filters">
          {t("list.invalidFilters", { keys: data.invalid.join(", ") })}
        </p>
      ) : null}
      <ListFiltersForm filters={filters} authorities={data.authorities} divisions={data.divisions} locale={locale} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" data-testid="result-count" className="font-medium">
          {hasNarrowingFilter(filters) ? t("list.countFiltered", { total: numbers.format(total) }) : t("list.count", { total: numbers.format(total) })}
        </p>
        <div className="flex gap-2 text-sm">
          <a
            href={`/console/schools/export?format=xlsx${exportQuery ? `&${exportQuery}` : ""}`}
            className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
          >
            {t("list.exportXlsx")}
          </a>
          <a
            href={`/console/schools/export?format=csv${exportQuery ? `&${exportQuery}` : ""}`}
            className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
          >
            {t("list.exportCsv")}
          </a>
        </div>
      </div>
      <SchoolsTable rows={data.rows} filters={filters} showAuthority={!data.scope} locale={locale} />
      <Pagination
        page={filters.page}
        pageSize={filters.pageSize}
        total={total}
        href={(page) => `/console/schools?${schoolListQuery(filters, { page })}`}
        labels={{
          nav: t("pagination.label"),
          prev: t("pagination.prev"),
          next: t("pagination.next"),
          status: (page, pages) => t("pagination.page", { page, pages }),
        }}
      />
    </div>
  );
}
