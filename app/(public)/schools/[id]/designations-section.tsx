import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { PublicSchool } from "@/lib/public/types";
import { designationColumns } from "../../_components/designation-columns";
import { Panel } from "@/components/panel";

/** Designations with their validity (start–end) and status; those in force come first. */
export async function DesignationsSection({ school }: { school: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <Panel title={t("schoolPage.designations")}>
      <DataTable
        variant="inset"
        caption={t("schoolPage.designations")}
        scrollLabel={t("schoolPage.designations")}
        rows={school.designations}
        empty={t("schoolPage.noDesignations")}
        columns={[
          ...designationColumns(t, locale),
          {
            key: "status",
            header: t("schoolPage.designationStatus"),
            cell: (designation) => (
              <>
                {t(`enums.designationStatus.${designation.status}`)}
                {" · "}
                <span className={designation.validNow ? "font-medium text-emerald-800" : "text-slate-700"}>
                  {designation.validNow ? (school.asOf ? t("schoolPage.validOnDate") : t("schoolPage.validNow")) : t("schoolPage.notValidNow")}
                </span>
              </>
            ),
          },
        ]}
      />
    </Panel>
  );
}
