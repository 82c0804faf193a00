import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { DemoBanner } from "@/components/demo-banner";
import { shanghaiToday } from "@/lib/kernel/dates";
import { loadPublicSchoolPage } from "@/lib/public/loaders";
import { StatusBadge, TierBadge } from "../badges";
import { AsOfForm } from "./as-of-form";
import { DesignationsSection } from "./designations-section";
import { HistorySection } from "./history-section";
import { IdentitySection } from "./identity-section";
import { LineageSection } from "./lineage-section";
import { SchoolLinkedData } from "./linked-data";
import { MajorsSection } from "./majors-section";
import { NotConfirmedFlag } from "./not-confirmed-flag";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (id: string, asOf: string | string[] | undefined) => loadPublicSchoolPage(id, asOf));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations("schoolPage")]);
  const page = await load(id, query.asOf);
  if (!page) return {};
  const name = page.kind === "record" ? page.school.nameZh : page.view.nameZh;
  return { title: name, description: t("metaDescription", { name }) };
}

export default async function PublicSchoolPage({ params, searchParams }: Props) {
  const [{ id }, query, t, locale] = await Promise.all([params, searchParams, getTranslations(), getLocale()]);
  const page = await load(id, query.asOf);
  if (!page) notFound();
  const today = shanghaiToday();

  if (page.kind === "notYetRegistered") {
    const { view } = page;
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{view.nameZh}</h1>
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950">
          {t("schoolPage.notYetRegistered", { date: view.asOf, registered: shanghaiToday(new Date(view.registeredAt)) })}
        </p>
        <AsOfForm id={view.publicCode} asOf={view.asOf} today={today} />
      </div>
    );
  }

  const { school, history, completeness, badAsOf } = page;
  return (
    <div className="space-y-5">
      <SchoolLinkedData school={school} />
      {school.isDemo ? <DemoBanner text={t("common.demoBanner")} /> : null}
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{school.nameZh}</h1>
        {school.nameEn ? (
          <p lang="en" className="text-lg text-slate-700">
            {school.nameEn}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <TierBadge tier={school.tier} label={t(`enums.tier.${school.tier}`)} />
          <StatusBadge status={school.status} label={t(`enums.status.${school.status}`)} />
          {school.isDemo ? <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("schoolPage.demoRecord")}</span> : null}
          <span className="text-slate-700">
            {localName(school.authority, locale)}
            {school.city ? ` · ${localName(school.city, locale)}` : null}
          </span>
        </div>
        <p className="text-sm text-slate-700">
          {school.lastConfirmedAt ? t("schoolPage.lastConfirmed", { date: shanghaiToday(new Date(school.lastConfirmedAt)) }) : t("schoolPage.neverConfirmed")}
        </p>
        {school.asOf ? null : <NotConfirmedFlag school={school} />}
        <p>
          <Link href={`/verify/${school.publicCode}`} className="text-brand-700 underline">
            {t("schoolPage.verifyLink")}
          </Link>
          {school.asOf ? null : (
            <Link href={`/schools/${school.publicCode}/report`} className="ml-4 text-brand-700 underline">
              {t("errorReports.link")}
            </Link>
          )}
        </p>
      </header>

      {badAsOf ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-amber-900">
          {t("schoolPage.asOfInvalid", { value: badAsOf })}
        </p>
      ) : null}
      {school.asOf ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950" data-testid="as-of-notice">
          {t("schoolPage.asOfNotice", { date: school.asOf })}
        </p>
      ) : null}
      <AsOfForm id={school.publicCode} asOf={school.asOf} today={today} />

      <Panel title={t("schoolPage.completeness")}>
        <div className="mt-2 flex items-center gap-3">
          <div className="h-3 w-48 overflow-hidden rounded bg-slate-200" aria-hidden="true">
            <div className="h-full bg-brand-700" style={{ width: `${completeness.percent}%` }} />
          </div>
          <p>{t("schoolPage.completenessValue", { filled: completeness.filled, total: completeness.total, percent: completeness.percent })}</p>
        </div>
        {completeness.missing.length ? (
          <p className="mt-1 text-sm text-slate-700">
            {t("schoolPage.completenessMissing", { fields: completeness.missing.map((field) => t(`schoolPage.fields.${field}`)).join("、") })}
          </p>
        ) : null}
      </Panel>

      <IdentitySection school={school} />
      <MajorsSection school={school} />
      <DesignationsSection school={school} />
      <LineageSection school={school} />
      <HistorySection entries={history} />
    </div>
  );
}
