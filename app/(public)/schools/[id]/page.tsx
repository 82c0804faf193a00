import type { Metadata } from "next";
import Link from "next/link";
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
import { MajorsSection } from "./majors-section";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (id: string, asOf: string | string[] | undefined) => loadPublicSchoolPage(id, asOf));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id }, sp, t] = await Promise.all([params, searchParams, getTranslations("schoolPage")]);
  const page = await load(id, sp.asOf);
  if (!page) return {};
  const name = page.kind === "record" ? page.school.nameZh : page.view.nameZh;
  return { title: name, description: t("metaDescription", { name }) };
}

export default async function PublicSchoolPage({ params, searchParams }: Props) {
  const [{ id }, sp, t, locale] = await Promise.all([params, searchParams, getTranslations(), getLocale()]);
  const page = await load(id, sp.asOf);
  if (!page) notFound();
  const today = shanghaiToday();

  if (page.kind === "notYetRegistered") {
    const v = page.view;
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{v.nameZh}</h1>
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950">
          {t("schoolPage.notYetRegistered", { date: v.asOf, registered: shanghaiToday(new Date(v.registeredAt)) })}
        </p>
        <AsOfForm id={v.publicCode} asOf={v.asOf} today={today} />
      </div>
    );
  }

  const { school: s, history, completeness: c, badAsOf } = page;
  const en = locale === "en";
  return (
    <div className="space-y-5">
      {s.isDemo ? <DemoBanner text={t("common.demoBanner")} /> : null}
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{s.nameZh}</h1>
        {s.nameEn ? (
          <p lang="en" className="text-lg text-slate-700">
            {s.nameEn}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <TierBadge tier={s.tier} label={t(`enums.tier.${s.tier}`)} />
          <StatusBadge status={s.status} label={t(`enums.status.${s.status}`)} />
          {s.isDemo ? <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("schoolPage.demoRecord")}</span> : null}
          <span className="text-slate-700">
            {en ? s.authority.nameEn : s.authority.nameZh}
            {s.city ? ` · ${en ? s.city.nameEn : s.city.nameZh}` : null}
          </span>
        </div>
        <p className="text-sm text-slate-700">
          {s.lastConfirmedAt ? t("schoolPage.lastConfirmed", { date: shanghaiToday(new Date(s.lastConfirmedAt)) }) : t("schoolPage.neverConfirmed")}
        </p>
        <p>
          <Link href={`/verify/${s.publicCode}`} className="text-brand-700 underline">
            {t("schoolPage.verifyLink")}
          </Link>
        </p>
      </header>

      {badAsOf ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-amber-900">
          {t("schoolPage.asOfInvalid", { value: badAsOf })}
        </p>
      ) : null}
      {s.asOf ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950" data-testid="as-of-notice">
          {t("schoolPage.asOfNotice", { date: s.asOf })}
        </p>
      ) : null}
      <AsOfForm id={s.publicCode} asOf={s.asOf} today={today} />

      <section aria-labelledby="completeness-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="completeness-title" className="text-xl font-semibold">
          {t("schoolPage.completeness")}
        </h2>
        <div className="mt-2 flex items-center gap-3">
          <div className="h-3 w-48 overflow-hidden rounded bg-slate-200" aria-hidden="true">
            <div className="h-full bg-brand-700" style={{ width: `${c.percent}%` }} />
          </div>
          <p>{t("schoolPage.completenessValue", { filled: c.filled, total: c.total, percent: c.percent })}</p>
        </div>
        {c.missing.length ? (
          <p className="mt-1 text-sm text-slate-700">
            {t("schoolPage.completenessMissing", { fields: c.missing.map((f) => t(`schoolPage.fields.${f}`)).join("、") })}
          </p>
        ) : null}
      </section>

      <IdentitySection s={s} />
      <MajorsSection s={s} />
      <DesignationsSection s={s} />
      <LineageSection s={s} />
      <HistorySection entries={history} />
    </div>
  );
}
