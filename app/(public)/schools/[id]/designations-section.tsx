import { getLocale, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import type { PublicSchool } from "@/lib/public/types";

/** Designations with their validity (start–end) and status; those in force come first. */
export async function DesignationsSection({ s }: { s: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  return (
    <section aria-labelledby="designations-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="designations-title" className="mb-3 text-xl font-semibold">
        {t("schoolPage.designations")}
      </h2>
      {s.designations.length === 0 ? (
        <p>{t("schoolPage.noDesignations")}</p>
      ) : (
        <ScrollRegion label={t("schoolPage.designations")}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("schoolPage.designations")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.designationKind")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.designationLevel")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.designationTitle")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.validity")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.designationStatus")}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.designations.map((d) => (
                <tr key={d.id} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal">
                    {t(`enums.designationKind.${d.kind}`)}
                    {d.major ? `（${d.major.code} ${en ? d.major.nameEn : d.major.nameZh}）` : null}
                  </th>
                  <td className="px-2 py-1.5 whitespace-nowrap">{t(`enums.designationLevel.${d.level}`)}</td>
                  <td className="px-2 py-1.5">{[d.title, d.batchLabel, d.documentNo].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    {d.endDate ? t("schoolPage.validityRange", { start: d.startDate, end: d.endDate }) : t("schoolPage.validityOpen", { start: d.startDate })}
                  </td>
                  <td className="px-2 py-1.5">
                    {t(`enums.designationStatus.${d.status}`)}
                    {" · "}
                    <span className={d.validNow ? "font-medium text-emerald-800" : "text-slate-700"}>
                      {d.validNow ? (s.asOf ? t("schoolPage.validOnDate") : t("schoolPage.validNow")) : t("schoolPage.notValidNow")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
