import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pagination, paginationLabels } from "@/components/pagination";
import { loadAuditLog } from "@/lib/audit/loaders";
import { auditQuery } from "@/lib/audit/schema";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { buttonClass } from "@/components/button";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { ResultCount } from "@/components/result-count";
import { localName } from "@/components/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const data = await loadAuditLog(await searchParams);
  const [t, locale, format] = await Promise.all([getTranslations("audit"), getLocale(), getFormatter()]);
  const { filter } = data;
  const exportQuery = auditQuery(filter, { page: 1 });
  const authorities = data.authorities.map((authority) => ({ id: authority.id, name: localName(authority, locale) }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      {data.invalid.length ? (
        <Notice tone="warning" role="status">
          {t("invalidFilters", { keys: data.invalid.join(", ") })}
        </Notice>
      ) : null}
      <AuditFilters filter={filter} entityTypes={data.entityTypes} authorities={authorities} />
      <ResultCount
        actions={
          <a href={`/console/audit/export${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass({ variant: "secondary", size: "xs" })}>
            {t("export")}
          </a>
        }
      >
        {t("count", { total: format.number(data.total) })}
      </ResultCount>
      <AuditTable rows={data.rows} authorities={authorities} />
      <Pagination
        page={filter.page}
        pageSize={data.pageSize}
        total={data.total}
        href={(page) => `/console/audit?${auditQuery(filter, { page })}`}
        labels={paginationLabels(t)}
      />
    </div>
  );
}
