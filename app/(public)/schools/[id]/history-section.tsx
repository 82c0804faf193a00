import { getLocale, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { formatShanghai } from "@/lib/kernel/dates";
import type { NameLabel, PublicHistoryEntry } from "@/lib/public/types";

/** Enum-valued fields and the catalog group that names their values. */
const ENUM_GROUP: Record<string, Record<string, string>> = {
  School: { tier: "tier", status: "status", ownership: "ownership", sponsorType: "sponsorType" },
  SchoolMajor: { level: "level", startingPoint: "startingPoint", status: "schoolMajorStatus" },
  Designation: { kind: "designationKind", level: "designationLevel", status: "designationStatus" },
};

/** The dated history of every public field change, newest first (Beijing time). */
export async function HistorySection({ entries }: { entries: PublicHistoryEntry[] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  const value = (e: PublicHistoryEntry, field: string, v: unknown, label?: NameLabel | null): string => {
    if (label) return en && label.nameEn ? label.nameEn : label.nameZh;
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return t("schoolPage.empty");
    const group = ENUM_GROUP[e.entityType][field];
    if (group && typeof v === "string") return t(`enums.${group}.${v}`);
    if (field === "majorId" && e.subject?.kind === "major") return `${e.subject.code} ${en ? e.subject.nameEn : e.subject.nameZh}`;
    if (field === "lastConfirmedAt" && typeof v === "string") return formatShanghai(new Date(v), locale);
    if (Array.isArray(v)) return v.join("、");
    return String(v);
  };
  const actor = (e: PublicHistoryEntry) =>
    e.actor.kind === "ministry"
      ? t("schoolPage.actorMinistry")
      : e.actor.kind === "province"
        ? e.actor.authority
          ? t("schoolPage.actorProvince", { authority: en ? e.actor.authority.nameEn : e.actor.authority.nameZh })
          : t("schoolPage.actorProvinceUnknown")
        : t("schoolPage.actorSystem");
  const subject = (e: PublicHistoryEntry) => {
    if (!e.subject) return null;
    const what =
      e.subject.kind === "major"
        ? `${e.subject.code} ${en ? e.subject.nameEn : e.subject.nameZh}（${t(`enums.level.${e.subject.level}`)}）`
        : `${t(`enums.designationLevel.${e.subject.level}`)}${t(`enums.designationKind.${e.subject.designationKind}`)}`;
    return (
      <p className="font-medium">
        {t(`schoolPage.entity.${e.entityType}`)}：{what}
        {e.action.endsWith(".create") ? `（${t("schoolPage.createdSubject")}）` : null}
      </p>
    );
  };
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="history-title" className="text-xl font-semibold">
        {t("schoolPage.history")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("schoolPage.historyIntro")}</p>
      {entries.length === 0 ? (
        <p>{t("schoolPage.noHistory")}</p>
      ) : (
        <ScrollRegion label={t("schoolPage.historyCaption")}>
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("schoolPage.historyCaption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.historyAt")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.historyBy")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.historyWhat")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 align-top">
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    <time dateTime={e.at}>{formatShanghai(new Date(e.at), locale)}</time>
                  </td>
                  <td className="px-2 py-1.5">{actor(e)}</td>
                  <td className="px-2 py-1.5">
                    {subject(e)}
                    {e.action === "school.create" ? <p className="font-medium">{t("schoolPage.created")}</p> : null}
                    <ul className="space-y-0.5">
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          <span className="text-slate-700">{t(`schoolPage.fields.${c.field}`)}：</span>
                          {e.action.endsWith(".create") ? (
                            value(e, c.field, c.after, c.afterLabel)
                          ) : (
                            <>
                              <del className="text-slate-700">{value(e, c.field, c.before, c.beforeLabel)}</del>
                              {" → "}
                              <ins className="no-underline">{value(e, c.field, c.after, c.afterLabel)}</ins>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
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
