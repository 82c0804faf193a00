import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PublicSchoolSummary } from "@/lib/public/types";
import { StatusBadge, TierBadge } from "./badges";

/** Search results as a list of cards (readable at phone width), each linking to the school page. */
export async function ResultList({ schools }: { schools: PublicSchoolSummary[] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  return (
    <ol className="space-y-3">
      {schools.map((s) => (
        <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-lg font-semibold">
            <Link href={`/schools/${s.publicCode}`} className="text-brand-700 underline-offset-2 hover:underline">
              {en && s.nameEn ? s.nameEn : s.nameZh}
            </Link>
            {en && s.nameEn ? (
              <span lang="zh-CN" className="ml-2 text-base font-normal text-slate-700">
                {s.nameZh}
              </span>
            ) : null}
          </h3>
          {s.formerNames.length || s.altNames.length ? (
            <p className="text-sm text-slate-700">
              {s.altNames.length ? `${t("search.altName")}：${s.altNames.join("、")}` : null}
              {s.altNames.length && s.formerNames.length ? "；" : null}
              {s.formerNames.length ? `${t("search.formerName")}：${s.formerNames.join("、")}` : null}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <TierBadge tier={s.tier} label={t(`enums.tier.${s.tier}`)} />
            <StatusBadge status={s.status} label={t(`enums.status.${s.status}`)} />
            <span className="text-slate-700">
              {en ? s.authority.nameEn : s.authority.nameZh}
              {s.city ? ` · ${en ? s.city.nameEn : s.city.nameZh}` : null}
            </span>
            {s.establishedDate ? (
              <span className="text-slate-700">
                {t("search.established")} {s.establishedDate.slice(0, 4)}
              </span>
            ) : null}
          </div>
          {s.designations.length ? (
            <p className="mt-2 text-sm">
              <span className="font-medium">{t("search.designations")}：</span>
              {s.designations.map((d) => `${t(`enums.designationLevel.${d.level}`)}${t(`enums.designationKind.${d.kind}`)}`).join("、")}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
