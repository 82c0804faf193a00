import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadNewApplication } from "@/lib/selection/applications/loaders";
import { NewApplicationForm } from "./new-application-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ batchId: string }>; searchParams: Promise<{ school?: string }> };

export default async function NewApplicationPage({ params, searchParams }: Props) {
  const [{ batchId }, { school }] = await Promise.all([params, searchParams]);
  const [d, t, te, locale] = await Promise.all([
    loadNewApplication(batchId, typeof school === "string" ? school : undefined),
    getTranslations("selection"),
    getTranslations("enums"),
    getLocale(),
  ]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/console/selection/apply/${d.batch.id}`} className="text-brand-700 underline">
          {locale === "en" && d.batch.nameEn ? d.batch.nameEn : d.batch.nameZh}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("newApplication.title")}</h1>
      <p className="text-sm text-slate-700">
        {t("newApplication.eligible", {
          tiers: d.batch.eligibleTiers.map((x) => te(`tier.${x}`)).join("、"),
          statuses: d.batch.eligibleStatuses.map((x) => te(`status.${x}`)).join("、"),
        })}
      </p>
      {d.window !== "open" ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`refusal.eligibility.${d.window === "before" ? "windowNotOpen" : "windowClosed"}`)}
        </p>
      ) : null}
      <NewApplicationForm
        batchId={d.batch.id}
        kind={d.batch.kind}
        schoolId={d.school?.id}
        schools={d.schools.map((s) => ({
          value: s.id,
          label: `${s.nameZh}（${te(`tier.${s.tier}`)}，${te(`status.${s.status}`)}）${s.designated ? t("newApplication.hintDesignated") : ""}${s.applied ? t("newApplication.hintApplied") : ""}`,
        }))}
        majors={d.majors.map((m) => ({
          value: m.id,
          label: `${m.major.code} ${locale === "en" ? m.major.nameEn : m.major.nameZh}（${te(`level.${m.level}`)}，${te(`startingPoint.${m.startingPoint}`)}）${m.applied ? t("newApplication.hintApplied") : ""}`,
        }))}
      />
    </div>
  );
}
