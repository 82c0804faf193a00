import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { loadSchoolMajorsPage } from "@/lib/school-majors/loaders";
import { ChangeHeader } from "../status/change-header";
import { AddMajorForm } from "./add-major-form";
import { MajorStatusControl } from "./major-status-control";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolMajorsPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadSchoolMajorsPage(id), getTranslations("schoolMajors"), getTranslations("enums")]);
  const { school } = data;
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active="majors" title={t("title")} />
      <p className="text-sm text-slate-600">
        {t("typicalLevels", { tier: tEnums(`tier.${school.tier}`), levels: data.typicalLevels.map((level) => tEnums(`level.${level}`)).join("、") })}
      </p>
      <DataTable
        showCaption
        caption={t("caption", { count: data.majors.length })}
        rows={data.majors}
        empty={t("empty")}
        columns={[
          {
            key: "major",
            header: t("col.major"),
            cell: (row) => (
              <>
                {row.major.nameZh}
                <span className="ml-1 text-xs text-slate-500">{row.major.code}</span>
                {row.major.edition.isCurrent ? null : (
                  <span className="ml-1 text-xs text-amber-700">{t("oldEdition", { edition: row.major.edition.code })}</span>
                )}
              </>
            ),
          },
          { key: "category", header: t("col.category"), cell: (row) => row.major.category.nameZh },
          { key: "level", header: t("col.level"), cell: (row) => tEnums(`level.${row.level}`) },
          { key: "startingPoint", header: t("col.startingPoint"), cell: (row) => tEnums(`startingPoint.${row.startingPoint}`) },
          { key: "years", header: t("col.years"), numeric: true, cell: (row) => row.years },
          { key: "status", header: t("col.status"), cell: (row) => <span data-testid="major-status">{tEnums(`schoolMajorStatus.${row.status}`)}</span> },
          ...(data.canEdit
            ? [
                {
                  key: "actions",
                  header: t("col.actions"),
                  cell: (row: (typeof data.majors)[number]) => (
                    <MajorStatusControl
                      key={row.status}
                      id={row.id}
                      status={row.status}
                      targets={row.targets}
                      label={`${row.major.nameZh} ${tEnums(`level.${row.level}`)} ${tEnums(`startingPoint.${row.startingPoint}`)}`}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {data.canAdd && data.catalogue ? <AddMajorForm schoolId={school.id} catalogue={data.catalogue} resetKey={data.majors.length} /> : null}
      {data.canAdd && !data.catalogue ? <p role="note">{t("noCurrentEdition")}</p> : null}
      {data.canEdit && !data.canAdd ? <p role="note">{t("notOnRegister", { status: tEnums(`status.${school.status}`) })}</p> : null}
    </div>
  );
}
