import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PublicSchool } from "@/lib/public/types";
import { Panel } from "@/components/panel";
import { Badge } from "@/components/badge";
import { DescriptionList } from "@/components/description-list";
import { localName } from "@/components/local-name";

/** The identity block: a description list of the public fields. */
export async function IdentitySection({ school }: { school: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
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
    ["authority", localName(school.authority, locale)],
    ["city", school.city ? localName(school.city, locale) : none],
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
            <Badge tone="amber" className="ml-2" title={t("schoolPage.illustrativeHint")}>
              {t("schoolPage.illustrative")}
              <span className="sr-only">：{t("schoolPage.illustrativeHint")}</span>
            </Badge>
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
    <Panel title={t("schoolPage.identity")}>
      <DescriptionList items={rows.map(([field, detail]) => ({ term: t(`schoolPage.fields.${field}`), detail, field }))} />
    </Panel>
  );
}
