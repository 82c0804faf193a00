import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { PublicSchool } from "@/lib/public/types";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

/** Majors grouped by training level: one table per level, with a caption. */
export async function MajorsSection({ school }: { school: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  return (
    <Panel title={t("schoolPage.majors")}>
      {school.majorsByLevel.length === 0 ? <p>{t("schoolPage.noMajors")}</p> : null}
      <div className="space-y-4">
        {school.majorsByLevel.map((group) => (
          <DataTable
            variant="inset"
            showCaption
            key={group.level}
            caption={`${t(`enums.level.${group.level}`)}（${group.majors.length}）`}
            scrollLabel={t(`enums.level.${group.level}`)}
            rows={group.majors}
            rowKey={(major) => `${major.majorId}-${major.startingPoint}`}
            columns={[
              { key: "code", header: t("schoolPage.majorCode"), className: "font-mono", cell: (major) => major.code },
              { key: "name", header: t("schoolPage.majorName"), rowHeader: true, cell: (major) => localName(major, locale) },
              {
                key: "category",
                header: t("schoolPage.category"),
                className: "hidden sm:table-cell",
                cell: (major) => (en ? major.categoryEn : major.categoryZh),
              },
              { key: "startingPoint", header: t("schoolPage.startingPoint"), cell: (major) => t(`enums.startingPoint.${major.startingPoint}`) },
              { key: "years", header: t("schoolPage.years"), cell: (major) => t("schoolPage.yearsValue", { years: major.years }) },
              { key: "status", header: t("schoolPage.majorStatus"), cell: (major) => t(`enums.schoolMajorStatus.${major.status}`) },
            ]}
          />
        ))}
      </div>
    </Panel>
  );
}
