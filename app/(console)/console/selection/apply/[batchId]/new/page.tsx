import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadNewApplication } from "@/lib/selection/applications/loaders";
import { NewApplicationForm } from "./new-application-form";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ batchId: string }>; searchParams: Promise<{ school?: string }> };

export default async function NewApplicationPage({ params, searchParams }: Props) {
  const [{ batchId }, { school }] = await Promise.all([params, searchParams]);
  const [data, t, tEnums, locale] = await Promise.all([
    loadNewApplication(batchId, typeof school === "string" ? school : undefined),
    getTranslations("selection"),
    getTranslations("enums"),
    getLocale(),
  ]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/console/selection/apply/${data.batch.id}`} className="text-brand-700 underline">
          {localName(data.batch, locale)}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("newApplication.title")}</h1>
      <p className="text-sm text-slate-700">
        {t("newApplication.eligible", {
          tiers: data.batch.eligibleTiers.map((tier) => tEnums(`tier.${tier}`)).join("、"),
          statuses: data.batch.eligibleStatuses.map((status) => tEnums(`status.${status}`)).join("、"),
        })}
      </p>
      {data.window !== "open" ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`refusal.eligibility.${data.window === "before" ? "windowNotOpen" : "windowClosed"}`)}
        </p>
      ) : null}
      <NewApplicationForm
        batchId={data.batch.id}
        kind={data.batch.kind}
        schoolId={data.school?.id}
        schools={data.schools.map((candidate) => ({
          value: candidate.id,
          label: `${candidate.nameZh}（${tEnums(`tier.${candidate.tier}`)}，${tEnums(`status.${candidate.status}`)}）${candidate.designated ? t("newApplication.hintDesignated") : ""}${candidate.applied ? t("newApplication.hintApplied") : ""}`,
        }))}
        majors={data.majors.map((major) => ({
          value: major.id,
          label: `${major.major.code} ${localName(major.major, locale)}（${tEnums(`level.${major.level}`)}，${tEnums(`startingPoint.${major.startingPoint}`)}）${major.applied ? t("newApplication.hintApplied") : ""}`,
        }))}
      />
    </div>
  );
}
