import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/demo-banner";
import { loadPublicSearch } from "@/lib/public/loaders";
import { publicSearchQuery } from "@/lib/public/search-schema";
import { ResultList } from "./result-list";
import { SearchForm } from "./search-form";
import { SearchPagination } from "./search-pagination";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title"), description: t("intro") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublicSearchPage({ searchParams }: Props) {
  const [t, data] = await Promise.all([getTranslations(), searchParams.then(loadPublicSearch)]);
  const { filters, invalid, result } = data;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const from = result.total ? (result.page - 1) * result.pageSize + 1 : 0;
  const to = Math.min(result.total, result.page * result.pageSize);
  const href = (page: number) => {
    const qs = publicSearchQuery(filters, { page });
    return qs ? `/schools?${qs}` : "/schools";
  };
  return (
    <div className="space-y-5">
      {data.demo ? <DemoBanner text={t("common.demoBanner")} /> : null}
      <PageHeader title={t("search.title")} intro={t("search.intro")} />
      {invalid.length ? (
        <Notice tone="warning" role="alert">
          {t("search.invalidNotice", { params: invalid.join(", ") })}
        </Notice>
      ) : null}
      <SearchForm filters={filters} options={data.options} />
      <section aria-labelledby="results-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="results-title" className="text-xl font-semibold">
            {t("search.results")}
          </h2>
          <p role="status" className="text-slate-700" data-testid="result-count">
            {result.total > result.data.length && result.data.length
              ? t("search.countPage", { from, to, total: result.total })
              : t("search.count", { total: result.total })}
          </p>
        </div>
        {result.data.length ? <ResultList schools={result.data} /> : <p className="rounded border border-slate-200 bg-white p-4">{t("search.none")}</p>}
        <SearchPagination
          page={result.page}
          pages={pages}
          href={href}
          labels={{ nav: t("search.pagination"), prev: t("search.prev"), next: t("search.next"), page: (number) => t("search.pageN", { page: number }) }}
        />
      </section>
    </div>
  );
}
