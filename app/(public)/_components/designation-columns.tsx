import type { getTranslations } from "next-intl/server";
import type { Column } from "@/components/data-table";
import type { VerifyDesignation } from "@/lib/verify/types";
import { localName } from "@/components/local-name";

type RootT = Awaited<ReturnType<typeof getTranslations<never>>>;

/** What the school page and the verification both show of a designation. */
export type DesignationFacts = Pick<VerifyDesignation, "kind" | "level" | "title" | "batchLabel" | "documentNo" | "startDate" | "endDate" | "major">;

/**
 * The columns of a designations table — kind (with its major), level, title and document, validity —
 * shared by the public school page and the printable verification, so both read the same.
 */
export function designationColumns(t: RootT, locale: string): Column<DesignationFacts>[] {
  return [
    {
      key: "kind",
      header: t("schoolPage.designationKind"),
      rowHeader: true,
      cell: (designation) => (
        <>
          {t(`enums.designationKind.${designation.kind}`)}
          {designation.major ? `（${designation.major.code} ${localName(designation.major, locale)}）` : null}
        </>
      ),
    },
    {
      key: "level",
      header: t("schoolPage.designationLevel"),
      className: "whitespace-nowrap",
      cell: (designation) => t(`enums.designationLevel.${designation.level}`),
    },
    {
      key: "title",
      header: t("schoolPage.designationTitle"),
      cell: (designation) => [designation.title, designation.batchLabel, designation.documentNo].filter(Boolean).join(" · ") || "—",
    },
    {
      key: "validity",
      header: t("schoolPage.validity"),
      className: "whitespace-nowrap",
      cell: (designation) =>
        designation.endDate
          ? t("schoolPage.validityRange", { start: designation.startDate, end: designation.endDate })
          : t("schoolPage.validityOpen", { start: designation.startDate }),
    },
  ];
}
