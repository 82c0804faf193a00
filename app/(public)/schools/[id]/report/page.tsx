import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { loadErrorReportForm } from "@/lib/error-reports/loaders";
import { REPORTABLE_FIELDS } from "@/lib/error-reports/schema";
import { ReportForm } from "./report-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorReports"))("form.title") };
}

type Props = { params: Promise<{ id: string }> };

/** 纠错: anyone reports a wrong public field of a school; no sign-in (docs/decisions/0063). */
export default async function ReportErrorPage({ params }: Props) {
  const { id } = await params;
  const school = await loadErrorReportForm(id);
  if (!school) notFound();
  const [t, tFields] = await Promise.all([getTranslations("errorReports"), getTranslations("schoolPage.fields")]);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        back={{ href: `/schools/${school.publicCode}`, label: `← ${t("form.back")}` }}
        title={t("form.title")}
        intro={t("form.intro", { name: school.nameZh })}
      />
      <ReportForm schoolId={school.id} fields={REPORTABLE_FIELDS.map((value) => ({ value, label: tFields(value) }))} />
    </div>
  );
}
