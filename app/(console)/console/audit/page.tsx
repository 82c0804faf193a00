import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { loadAuditLog } from "@/lib/audit/loaders";
import { auditQuery } from "@/lib/audit/schema";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const data = await loadAuditLog(await searchParams);
  const [t, locale, format] = await Promise.all([getTranslations("audit"), getLocale(), getFormatter()]);
  const { filter } = data;
  const exportQuery = auditQuery(filter, { page: 1 });
  const authorities = data.authorities.map((authority) => ({ id: authority.id, name: locale === "en" ? authority.nameEn : authority.nameZh }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      {data.invalid.length ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {t("invalidFilters", { keys: data.invalid.join(", ") })}
        </p>
      ) : null}
      <AuditFilters filter={filter} entityTypes={data.entityTypes} authorities={authorities} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" data-testid="result-count" className="font-medium">
          {t("count", { total: format.number(data.total) })}
        </p>
        <a
          href={`/console/audit/export${exportQuery ? `?${exportQuery}` : ""}`}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
        >
          {t("export")}
        </a>
      </div>
      <AuditTable rows={data.rows} authorities={authorities} />
      <Pagination
        page={filter.page}
        pageSize={data.pageSize}
        total={data.total}
        href={(page) => `/console/audit?${auditQuery(filter, { page })}`}
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
