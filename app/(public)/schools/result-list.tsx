import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PublicSchoolSummary } from "@/lib/public/types";
import { StatusBadge, TierBadge } from "./badges";
import { localName } from "@/components/local-name";

/** Search results as a list of cards (readable at phone width), each linking to the school page. */
export async function ResultList({ schools }: { schools: PublicSchoolSummary[] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  return (
    <ol className="space-y-3">
      {schools.map((school) => (
        <li key={school.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-lg font-semibold">
            <Link href={`/schools/${school.publicCode}`} className="text-brand-700 underline-offset-2 hover:underline">
              {localName(school, locale)}
            </Link>
            {en && school.nameEn ? (
              <span lang="zh-CN" className="ml-2 text-base font-normal text-slate-700">
                {school.nameZh}
              </span>
            ) : null}
          </h3>
          {school.formerNames.length || school.altNames.length ? (
            <p className="text-sm text-slate-700">
              {school.altNames.length ? `${t("search.altName")}：${school.altNames.join("、")}` : null}
              {school.altNames.length && school.formerNames.length ? "；" : null}
              {school.formerNames.length ? `${t("search.formerName")}：${school.formerNames.join("、")}` : null}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <TierBadge tier={school.tier} label={t(`enums.tier.${school.tier}`)} />
            <StatusBadge status={school.status} label={t(`enums.status.${school.status}`)} />
            <span className="text-slate-700">
              {localName(school.authority, locale)}
              {school.city ? ` · ${localName(school.city, locale)}` : null}
            </span>
            {school.establishedDate ? (
              <span className="text-slate-700">
                {t("search.established")} {school.establishedDate.slice(0, 4)}
              </span>
            ) : null}
          </div>
          {school.designations.length ? (
            <p className="mt-2 text-sm">
              <span className="font-medium">{t("search.designations")}：</span>
              {school.designations
                .map((designation) => `${t(`enums.designationLevel.${designation.level}`)}${t(`enums.designationKind.${designation.kind}`)}`)
                .join("、")}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
