import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { CodeLookupForm } from "@/components/code-lookup-form";
import { Notice } from "@/components/notice";
import { Panel } from "@/components/panel";
import { shanghaiToday } from "@/lib/kernel/dates";
import { loadErrorReportStatus } from "@/lib/error-reports/loaders";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errorReports.status");
  return { title: t("title"), description: t("intro") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reporter checks the outcome by code (GET ?code=): the status and the resolution, nothing they typed. */
export default async function ErrorReportStatusPage({ searchParams }: Props) {
  const [query, t, tState] = await Promise.all([searchParams, getTranslations("errorReports.status"), getTranslations("errorReports.state")]);
  const raw = typeof query.code === "string" ? query.code : undefined;
  const { code, badCode, report } = await loadErrorReportStatus(raw);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <CodeLookupForm
        action="/error-reports"
        id="report-code"
        label={t("code")}
        value={raw ?? ""}
        error={badCode ? t("badCode") : undefined}
        submit={t("submit")}
      />
      {code && !report ? (
        <Notice tone="warning" role="status">
          {t("notFound", { code })}
        </Notice>
      ) : null}
      {report ? (
        <Panel title={t("resultTitle", { code: report.code })} testId="report-outcome">
          <DescriptionList
            items={[
              {
                term: t("school"),
                detail: (
                  <Link href={`/schools/${report.school.publicCode}`} className="text-brand-700 underline">
                    {report.school.nameZh}
                  </Link>
                ),
              },
              { term: t("state"), detail: tState(report.status), field: "status" },
              { term: t("filedAt"), detail: shanghaiToday(report.createdAt) },
              report.resolvedAt ? { term: t("resolvedAt"), detail: shanghaiToday(report.resolvedAt) } : null,
              {
                term: t("resolution"),
                field: "resolution",
                detail: report.status === "DECLINED" ? report.resolution : report.status === "ACCEPTED" ? t("accepted") : t("open"),
              },
            ]}
          />
        </Panel>
      ) : null}
    </div>
  );
}
