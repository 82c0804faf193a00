import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PublicSchool } from "@/lib/public/types";

/** The identity block: a description list of the public fields. */
export async function IdentitySection({ school }: { school: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  const none = <span className="text-slate-600">{t("schoolPage.notProvided")}</span>;
  const since = (date: string | null) => (date ? <span className="text-slate-700"> （{t("schoolPage.since", { date })}）</span> : null);
  // [field key, value]: the key names the label (schoolPage.fields.<key>) and marks the row for tests.
  const rows: [string, React.ReactNode][] = [
    [
      "nameZh",
      <span key="n" lang="zh-CN">
        {school.nameZh}
      </span>,
    ],
    ["nameEn", school.nameEn ? <span lang="en">{school.nameEn}</span> : none],
    ...(school.altNames.length ? ([["altNames", school.altNames.join("、")]] as [string, React.ReactNode][]) : []),
    ...(school.formerNames.length ? ([["formerNames", school.formerNames.join("、")]] as [string, React.ReactNode][]) : []),
    [
      "tier",
      <>
        {t(`enums.tier.${school.tier}`)}
        {since(school.tierSince)}
      </>,
    ],
    [
      "status",
      <>
        {t(`enums.status.${school.status}`)}
        {since(school.statusSince)}
      </>,
    ],
    ["ownership", t(`enums.ownership.${school.ownership}`)],
    ["sponsorType", t(`enums.sponsorType.${school.sponsorType}`)],
    ["sponsorName", school.sponsorName ?? none],
    ["authority", en ? school.authority.nameEn : school.authority.nameZh],
    ["city", school.city ? (en ? school.city.nameEn : school.city.nameZh) : none],
    ["address", school.address ?? none],
    [
      "website",
      school.website ? (
        <a href={school.website} rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
          {school.website}
        </a>
      ) : (
        none
      ),
    ],
    [
      "uscc",
      school.uscc ? (
        <>
          <span className="font-mono">{school.uscc}</span>
          {school.isDemo ? (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" title={t("schoolPage.illustrativeHint")}>
              {t("schoolPage.illustrative")}
              <span className="sr-only">：{t("schoolPage.illustrativeHint")}</span>
            </span>
          ) : null}
        </>
      ) : (
        none
      ),
    ],
    ["approvalDocNo", school.approvalDocNo ?? none],
    ["approvalDate", school.approvalDate ?? none],
    ["establishedDate", school.establishedDate ?? none],
    [
      "publicCode",
      <Link key="c" href={`/verify/${school.publicCode}`} className="font-mono text-brand-700 underline">
        {school.publicCode}
      </Link>,
    ],
  ];
  return (
    <section aria-labelledby="identity-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="identity-title" className="mb-3 text-xl font-semibold">
        {t("schoolPage.identity")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {rows.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-700">{t(`schoolPage.fields.${key}`)}</dt>
            <dd className="mb-2 sm:mb-0" data-field={key}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
