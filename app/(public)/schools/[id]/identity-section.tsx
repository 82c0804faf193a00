import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PublicSchool } from "@/lib/public/types";

/** The identity block: a description list of the public fields. */
export async function IdentitySection({ s }: { s: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const en = locale === "en";
  const f = (k: string) => t(`schoolPage.fields.${k}`);
  const none = <span className="text-slate-600">{t("schoolPage.notProvided")}</span>;
  const since = (d: string | null) => (d ? <span className="text-slate-700"> （{t("schoolPage.since", { date: d })}）</span> : null);
  // [field key, value]: the key names the label (schoolPage.fields.<key>) and marks the row for tests.
  const rows: [string, React.ReactNode][] = [
    [
      "nameZh",
      <span key="n" lang="zh-CN">
        {s.nameZh}
      </span>,
    ],
    ["nameEn", s.nameEn ? <span lang="en">{s.nameEn}</span> : none],
    ...(s.altNames.length ? ([["altNames", s.altNames.join("、")]] as [string, React.ReactNode][]) : []),
    ...(s.formerNames.length ? ([["formerNames", s.formerNames.join("、")]] as [string, React.ReactNode][]) : []),
    [
      "tier",
      <>
        {t(`enums.tier.${s.tier}`)}
        {since(s.tierSince)}
      </>,
    ],
    [
      "status",
      <>
        {t(`enums.status.${s.status}`)}
        {since(s.statusSince)}
      </>,
    ],
    ["ownership", t(`enums.ownership.${s.ownership}`)],
    ["sponsorType", t(`enums.sponsorType.${s.sponsorType}`)],
    ["sponsorName", s.sponsorName ?? none],
    ["authority", en ? s.authority.nameEn : s.authority.nameZh],
    ["city", s.city ? (en ? s.city.nameEn : s.city.nameZh) : none],
    ["address", s.address ?? none],
    [
      "website",
      s.website ? (
        <a href={s.website} rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
          {s.website}
        </a>
      ) : (
        none
      ),
    ],
    [
      "uscc",
      s.uscc ? (
        <>
          <span className="font-mono">{s.uscc}</span>
          {s.isDemo ? (
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
    ["approvalDocNo", s.approvalDocNo ?? none],
    ["approvalDate", s.approvalDate ?? none],
    ["establishedDate", s.establishedDate ?? none],
    [
      "publicCode",
      <Link key="c" href={`/verify/${s.publicCode}`} className="font-mono text-brand-700 underline">
        {s.publicCode}
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
            <dt className="font-medium text-slate-700">{f(key)}</dt>
            <dd className="mb-2 sm:mb-0" data-field={key}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
