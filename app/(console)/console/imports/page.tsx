import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MAX_MAJOR_ROWS, MAX_ROWS, MAX_UPLOAD_BYTES } from "@/lib/imports/limits";
import { loadImportsPage } from "@/lib/imports/loaders";
import type { CommitResult } from "@/lib/imports/mutations";
import { ImportWizard } from "./import-wizard";
import { PageHeader } from "@/components/page-header";
import { REGISTRY_TIME_ZONE } from "@/lib/kernel/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

type Props = { searchParams: Promise<{ job?: string | string[] }> };

export default async function ImportsPage({ searchParams }: Props) {
  const { job } = await searchParams;
  const data = await loadImportsPage(typeof job === "string" ? job : undefined);
  const [t, locale] = await Promise.all([getTranslations("imports"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { timeZone: REGISTRY_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
  const link = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        intro={
          <>
            <p>{t("intro")}</p>
            <p className="text-sm text-slate-600">
              {t("limits", {
                maxMb: MAX_UPLOAD_BYTES / 1024 / 1024,
                maxRows: MAX_ROWS.toLocaleString(locale),
                maxMajorRows: MAX_MAJOR_ROWS.toLocaleString(locale),
              })}
            </p>
          </>
        }
      />
      <div className="flex flex-wrap gap-6">
        <section aria-labelledby="tpl-h">
          <h2 id="tpl-h" className="font-semibold">
            {t("downloadTemplate")}
          </h2>
          <div className="mt-2 flex flex-wrap gap-2">
            <a href="/console/imports/template?kind=schools" className={link} data-testid="template-schools">
              {t("templateSchools")}
            </a>
            <a href="/console/imports/template?kind=schoolMajors" className={link}>
              {t("templateSchoolMajors")}
            </a>
          </div>
        </section>
        <section aria-labelledby="exp-h">
          <h2 id="exp-h" className="font-semibold">
            {t("exportHeading")}
          </h2>
          <div className="mt-2 flex flex-wrap gap-2">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a download from a route handler, not a page */}
            <a href="/console/schools/export?format=xlsx" className={link} data-testid="export-xlsx">
              {t("exportXlsx")}
            </a>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a download from a route handler, not a page */}
            <a href="/console/schools/export?format=csv" className={link}>
              {t("exportCsv")}
            </a>
          </div>
          <p className="mt-1 text-sm text-slate-600">{t("exportHelp")}</p>
        </section>
      </div>
      {/* Not keyed by the job: the URL gains ?job= after an upload, and a refresh must not reset the wizard. */}
      <ImportWizard initialJob={data.job ? { ...data.job, result: data.job.result as CommitResult | null } : null} />
      <section aria-labelledby="recent-h">
        <h2 id="recent-h" className="font-semibold">
          {t("recentTitle")}
        </h2>
        {data.recent.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {data.recent.map((recent) => (
              <li key={recent.id}>
                <a href={`/console/imports?job=${recent.id}`} className="text-brand-700 underline">
                  {recent.fileName}
                </a>
                {" · "}
                {t(recent.kind === "schools" ? "kindSchools" : "kindSchoolMajors")} · {recent.rowCount} · {t(`status${recent.status}`)} ·{" "}
                {when.format(recent.createdAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("recentNone")}</p>
        )}
      </section>
    </div>
  );
}
