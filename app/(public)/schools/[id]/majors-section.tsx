import { getLocale, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import type { PublicSchool } from "@/lib/public/types";

/** Majors grouped by training level: one table per level, with a caption. */
export async function MajorsSection({ s }: { s: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  return (
    <section aria-labelledby="majors-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="majors-title" className="mb-3 text-xl font-semibold">
        {t("schoolPage.majors")}
      </h2>
      {s.majorsByLevel.length === 0 ? <p>{t("schoolPage.noMajors")}</p> : null}
      <div className="space-y-4">
        {s.majorsByLevel.map((g) => (
          <ScrollRegion key={g.level} label={t(`enums.level.${g.level}`)}>
            <table className="min-w-full text-sm">
              <caption className="py-1 text-left text-base font-semibold">
                {t(`enums.level.${g.level}`)}（{g.majors.length}）
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium">
                    {t("schoolPage.majorCode")}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium">
                    {t("schoolPage.majorName")}
                  </th>
                  <th scope="col" className="hidden px-2 py-1.5 text-left font-medium sm:table-cell">
                    {t("schoolPage.category")}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium">
                    {t("schoolPage.startingPoint")}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium">
                    {t("schoolPage.years")}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium">
                    {t("schoolPage.majorStatus")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.majors.map((m) => (
                  <tr key={`${m.majorId}-${m.startingPoint}`} className="border-t border-slate-100">
                    <td className="px-2 py-1.5 font-mono">{m.code}</td>
                    <th scope="row" className="px-2 py-1.5 text-left font-normal">
                      {en ? m.nameEn : m.nameZh}
                    </th>
                    <td className="hidden px-2 py-1.5 sm:table-cell">{en ? m.categoryEn : m.categoryZh}</td>
                    <td className="px-2 py-1.5">{t(`enums.startingPoint.${m.startingPoint}`)}</td>
                    <td className="px-2 py-1.5">{t("schoolPage.yearsValue", { years: m.years })}</td>
                    <td className="px-2 py-1.5">{t(`enums.schoolMajorStatus.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
      </div>
    </section>
  );
}
