import { getLocale, getTranslations } from "next-intl/server";
import { withdrawAssignmentAction } from "@/lib/selection/reviews/actions";
import { loadBatchReview } from "@/lib/selection/results/loaders";
import { ActionButton } from "../../../_components/action-button";
import { StatusBadge } from "../../../_components/status-badge";
import { BatchHeader } from "../batch-header";
import { AssignForm } from "./assign-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Expert assignment: at least N experts per recommended application, conflicts never offered. */
export default async function BatchReviewPage({ params }: Props) {
  const { id } = await params;
  const [d, t, te, locale] = await Promise.all([loadBatchReview(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const auth = (aid: string | null) => {
    const a = d.authorities.find((x) => x.id === aid);
    return a ? (locale === "en" ? a.nameEn : a.shortZh) : "—";
  };
  return (
    <div className="space-y-6">
      <BatchHeader batch={d.batch} current="review" />
      <p className="text-sm text-slate-700">{t("review.intro", { n: d.batch.minExperts })}</p>
      {d.apps.length === 0 ? <p>{t("review.none")}</p> : null}
      <ul className="space-y-4">
        {d.apps.map((a) => (
          <li key={a.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`review-app-${a.school.nameZh}`}>
            <div className="flex flex-wrap items-center gap-3">
              <a href={`/console/selection/applications/${a.id}`} className="font-semibold text-brand-700 underline">
                {a.school.nameZh}
                {a.schoolMajor ? ` · ${locale === "en" ? a.schoolMajor.major.nameEn : a.schoolMajor.major.nameZh}` : ""}
              </a>
              <span className="text-sm text-slate-600">
                {locale === "en" ? a.authority.nameEn : a.authority.nameZh} · {te(`tier.${a.school.tier}`)}
                {a.provinceRank ? ` · ${t("review.provinceRank", { n: a.provinceRank })}` : ""}
              </span>
              <StatusBadge entity="application" status={a.status} />
              <span className={`text-sm ${a.submitted >= d.batch.minExperts ? "text-green-800" : "text-amber-800"}`}>
                {t("review.progress", { submitted: a.submitted, assigned: a.live.length, min: d.batch.minExperts })}
              </span>
            </div>
            {a.live.length ? (
              <ul className="space-y-1 text-sm">
                {a.live.map((x) => (
                  <li key={x.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      {x.expert.displayName}（{auth(x.expert.authorityId)}）
                    </span>
                    <StatusBadge entity="assignment" status={x.status} />
                    {d.canAct && x.status === "ASSIGNED" ? (
                      <ActionButton
                        action={withdrawAssignmentAction}
                        input={{ assignmentId: x.id }}
                        label={t("steps.assignment.withdraw")}
                        variant="secondary"
                        confirm={{ title: t("review.withdrawTitle"), body: t("review.withdrawBody", { name: x.expert.displayName }) }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {d.canAct && a.status === "RECOMMENDED" ? (
              <AssignForm
                applicationId={a.id}
                schoolName={a.school.nameZh}
                offers={a.offers.map((o) => ({ id: o.id, label: `${o.displayName}（${auth(o.authorityId)}）` }))}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
