import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { loadSchoolMajorsPage } from "@/lib/school-majors/loaders";
import { ChangeHeader } from "../status/change-header";
import { AddMajorForm } from "./add-major-form";
import { MajorStatusControl } from "./major-status-control";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolMajorsPage({ params }: Props) {
  const { id } = await params;
  const [data, t, te] = await Promise.all([loadSchoolMajorsPage(id), getTranslations("schoolMajors"), getTranslations("enums")]);
  const { school } = data;
  const headers = [t("col.major"), t("col.category"), t("col.level"), t("col.startingPoint"), t("col.years"), t("col.status")];
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active="majors" title={t("title")} />
      <p className="text-sm text-slate-600">
        {t("typicalLevels", { tier: te(`tier.${school.tier}`), levels: data.typicalLevels.map((l) => te(`level.${l}`)).join("、") })}
      </p>
      {data.majors.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption", { count: data.majors.length })}
          headers={data.canEdit ? [...headers, t("col.actions")] : headers}
          numericColumns={[4]}
          rows={data.majors.map((m) => {
            const cells: React.ReactNode[] = [
              <span key="n">
                {m.major.nameZh}
                <span className="ml-1 text-xs text-slate-500">{m.major.code}</span>
                {m.major.edition.isCurrent ? null : <span className="ml-1 text-xs text-amber-700">{t("oldEdition", { edition: m.major.edition.code })}</span>}
              </span>,
              m.major.category.nameZh,
              te(`level.${m.level}`),
              te(`startingPoint.${m.startingPoint}`),
              m.years,
              <span key="s" data-testid="major-status">
                {te(`schoolMajorStatus.${m.status}`)}
              </span>,
            ];
            if (data.canEdit) {
              const label = `${m.major.nameZh} ${te(`level.${m.level}`)} ${te(`startingPoint.${m.startingPoint}`)}`;
              cells.push(<MajorStatusControl key={`c-${m.status}`} id={m.id} status={m.status} targets={m.targets} label={label} />);
            }
            return cells;
          })}
        />
      )}
      {data.canAdd && data.catalogue ? <AddMajorForm schoolId={school.id} catalogue={data.catalogue} resetKey={data.majors.length} /> : null}
      {data.canAdd && !data.catalogue ? <p role="note">{t("noCurrentEdition")}</p> : null}
      {data.canEdit && !data.canAdd ? <p role="note">{t("notOnRegister", { status: te(`status.${school.status}`) })}</p> : null}
    </div>
  );
}
