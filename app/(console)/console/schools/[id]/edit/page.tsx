import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadSchoolEdit } from "@/lib/schools/loaders";
import { loadErrorReport } from "@/lib/error-reports/loaders";
import { Notice } from "@/components/notice";
import { sinceText } from "@/lib/schools/format";
import { schoolFormValues } from "@/lib/schools/form-values";
import { SchoolForm } from "../../_components/school-form";
import { PageHeader } from "@/components/page-header";
import { localName } from "@/components/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("page.edit") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditSchoolPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { school, divisions } = await loadSchoolEdit(id);
  // ?report=: the public error report this edit corrects (accepted when the edit saves).
  const report = typeof query.report === "string" ? await loadErrorReport(query.report, school.id) : null;
  const [t, tEnums, tReports, locale] = await Promise.all([
    getTranslations("schools"),
    getTranslations("enums"),
    getTranslations("errorReports.console"),
    getLocale(),
  ]);
  const name = (record: { nameZh: string; nameEn: string }) => localName(record, locale);
  const base = `/console/schools/${school.id}`;
  const readOnly = (
    <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="read-only-fields">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("fields.nameZh")}</dt>
        <dd>
          {school.nameZh}{" "}
          <Link href={`${base}/rename`} className="ml-2 text-brand-700 underline">
            {t("form.changeName")}
          </Link>
        </dd>
        <dt className="font-medium">{t("fields.tier")}</dt>
        <dd>
          {sinceText(tEnums(`tier.${school.tier}`), school.tierSince, (date) => t("page.tierSince", { tier: tEnums(`tier.${school.tier}`), date }))}
          <Link href={`${base}/tier`} className="ml-2 text-brand-700 underline">
            {t("form.changeTier")}
          </Link>
        </dd>
        <dt className="font-medium">{t("fields.status")}</dt>
        <dd>
          {sinceText(tEnums(`status.${school.status}`), school.statusSince, (date) =>
            t("page.statusSince", { status: tEnums(`status.${school.status}`), date }),
          )}
          <Link href={`${base}/status`} className="ml-2 text-brand-700 underline">
            {t("form.changeStatus")}
          </Link>
        </dd>
        <dt className="font-medium">{t("fields.authorityId")}</dt>
        <dd>{name(school.authority)}</dd>
      </dl>
      <p className="mt-2 text-slate-600">{t("form.readOnlyNote")}</p>
    </div>
  );
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: base, label: `← ${school.nameZh}` }} title={t("form.editTitle", { name: school.nameZh })} />
      {report ? (
        <Notice tone="info" testId="error-report-notice">
          {tReports("editNotice", {
            code: report.code,
            field: t(`fields.${report.field}`),
            problem: report.problem,
            proposed: report.proposed,
          })}
        </Notice>
      ) : null}
      <SchoolForm
        mode="edit"
        initial={{ ...schoolFormValues(school), authorityId: school.authorityId }}
        authorities={[{ value: school.authorityId, label: name(school.authority) }]}
        divisions={divisions.map((division) => ({ code: division.code, name: name(division), authorityId: division.authorityId }))}
        school={{ id: school.id, version: school.version, errorReportId: report?.id }}
        readOnly={readOnly}
      />
    </div>
  );
}
