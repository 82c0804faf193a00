import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/badge";
import { Button, ButtonLink } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { SelectField } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { declineErrorReportAction } from "@/lib/error-reports/actions";
import { loadErrorReports } from "@/lib/error-reports/loaders";
import { ErrorReportStatus, valuesOf } from "@/lib/kernel/enums";
import { shanghaiToday } from "@/lib/kernel/dates";
import { ActionForm } from "../selection/_components/action-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorReports"))("console.title") };
}

const TONE: Record<ErrorReportStatus, Tone> = { OPEN: "amber", ACCEPTED: "green", DECLINED: "slate" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The authority's error reports (the ministry: all) with their triage: accept through the edit form, or decline with a reason. */
export default async function ErrorReportsPage({ searchParams }: Props) {
  const query = await searchParams;
  const { rows, status, canDecline } = await loadErrorReports(typeof query.status === "string" ? query.status : undefined);
  const [t, tState, tFields] = await Promise.all([
    getTranslations("errorReports.console"),
    getTranslations("errorReports.state"),
    getTranslations("schools.fields"),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <form method="get" className="flex flex-wrap items-end gap-2">
        <SelectField
          name="status"
          label={t("filter")}
          width="auto"
          defaultValue={status ?? ""}
          options={[{ value: "", label: t("all") }, ...valuesOf(ErrorReportStatus).map((value) => ({ value, label: tState(value) }))]}
        />
        <Button type="submit" variant="secondary" size="sm">
          {t("apply")}
        </Button>
      </form>
      <DataTable
        caption={t("caption")}
        testId="error-reports"
        rows={rows}
        alignTop
        empty={t("empty")}
        rowProps={(row) => ({ id: `report-${row.code}`, "data-testid": `report-${row.code}` })}
        columns={[
          { key: "code", header: t("code"), rowHeader: true, cell: (row) => <span className="font-mono">{row.code}</span> },
          {
            key: "school",
            header: t("school"),
            cell: (row) => (
              <Link href={`/console/schools/${row.school.id}`} className="text-brand-700 underline">
                {row.school.nameZh}
              </Link>
            ),
          },
          { key: "field", header: t("field"), cell: (row) => tFields(row.field) },
          { key: "problem", header: t("problem"), cell: (row) => <span className="whitespace-pre-line">{row.problem}</span> },
          { key: "proposed", header: t("proposed"), cell: (row) => row.proposed },
          { key: "contact", header: t("contact"), cell: (row) => row.contact ?? "—" },
          { key: "filed", header: t("filedAt"), cell: (row) => shanghaiToday(row.createdAt) },
          { key: "state", header: t("state"), cell: (row) => <Badge tone={TONE[row.status]}>{tState(row.status)}</Badge> },
          {
            key: "actions",
            header: t("actions"),
            cell: (row) =>
              row.status !== "OPEN" ? (
                (row.resolution ?? "")
              ) : canDecline ? (
                <div className="min-w-64 space-y-2">
                  <ButtonLink href={`/console/schools/${row.school.id}/edit?report=${row.id}`} size="sm">
                    {t("accept")}
                  </ButtonLink>
                  <details>
                    <summary className="cursor-pointer text-sm text-brand-700 underline">{t("decline")}</summary>
                    <ActionForm
                      action={declineErrorReportAction}
                      hidden={{ reportId: row.id }}
                      fields={[{ name: "reason", label: t("reason"), type: "textarea", required: true, maxLength: 1000 }]}
                      submitLabel={t("declineSubmit")}
                      successText={t("declined")}
                      testId={`decline-${row.code}`}
                    />
                  </details>
                </div>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
