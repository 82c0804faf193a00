import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import type { PublicSchool, PublicSchoolRef } from "@/lib/public/types";

/** Former names, predecessors, successor and the dated change records (SchoolChange rows). */
export async function LineageSection({ s }: { s: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  const ref = (r: PublicSchoolRef) => (
    <Link href={`/schools/${r.publicCode}`} className="text-brand-700 underline">
      {en && r.nameEn ? r.nameEn : r.nameZh}
    </Link>
  );
  // "A → B"; only the new value when there was none before (e.g. establishment).
  const pair = (from: string | null, to: string | null) => (from && to ? `${from} → ${to}` : (to ?? from ?? ""));
  const empty = !s.formerNames.length && !s.predecessors.length && !s.successor && !s.changes.length;
  return (
    <section aria-labelledby="lineage-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="lineage-title" className="mb-3 text-xl font-semibold">
        {t("schoolPage.lineage")}
      </h2>
      {empty ? <p>{t("schoolPage.noLineage")}</p> : null}
      <dl className="space-y-2">
        {s.formerNames.length ? (
          <div>
            <dt className="font-medium text-slate-700">{t("schoolPage.fields.formerNames")}</dt>
            <dd>{s.formerNames.join("、")}</dd>
          </div>
        ) : null}
        {s.predecessors.length ? (
          <div>
            <dt className="font-medium text-slate-700">{t("schoolPage.predecessors")}</dt>
            <dd>
              <ul className="list-inside list-disc">
                {s.predecessors.map((p) => (
                  <li key={p.id}>{ref(p)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {s.successor ? (
          <div>
            <dt className="font-medium text-slate-700">{t("schoolPage.successor")}</dt>
            <dd>{ref(s.successor)}</dd>
          </div>
        ) : null}
      </dl>
      {s.changes.length ? (
        <ScrollRegion label={t("schoolPage.changes")} className="mt-3">
          <table className="min-w-full text-sm">
            <caption className="py-1 text-left font-semibold">{t("schoolPage.changes")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.changeDate")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.changeKind")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.changeDetail")}
                </th>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t("schoolPage.changeDoc")}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.changes.map((c) => (
                <tr key={c.id} className="border-t border-slate-100">
                  <td className="px-2 py-1.5 whitespace-nowrap">{c.effectiveDate}</td>
                  <td className="px-2 py-1.5">{t(`enums.changeKind.${c.kind}`)}</td>
                  <td className="px-2 py-1.5">
                    {[
                      pair(c.fromName, c.toName),
                      pair(c.fromTier && t(`enums.tier.${c.fromTier}`), c.toTier && t(`enums.tier.${c.toTier}`)),
                      pair(c.fromStatus && t(`enums.status.${c.fromStatus}`), c.toStatus && t(`enums.status.${c.toStatus}`)),
                    ]
                      .filter(Boolean)
                      .join("；")}
                    {c.relatedSchool ? (
                      <span>
                        {" "}
                        {t("schoolPage.related")}：{ref(c.relatedSchool)}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1.5">{c.documentNo ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
