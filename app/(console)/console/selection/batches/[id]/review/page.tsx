import { getLocale, getTranslations } from "next-intl/server";
import { withdrawAssignmentAction } from "@/lib/selection/reviews/actions";
import { loadBatchReview } from "@/lib/selection/results/loaders";
import { ActionButton } from "../../../_components/action-button";
import { StatusBadge } from "../../../_components/status-badge";
import { BatchHeader } from "../batch-header";
import { AssignForm } from "./assign-form";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Expert assignment: at least N experts per recommended application, conflicts never offered. */
export default async function BatchReviewPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums, locale] = await Promise.all([loadBatchReview(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const authorityName = (authorityId: string | null) => {
    const authority = data.authorities.find((candidate) => candidate.id === authorityId);
    return authority ? (locale === "en" ? authority.nameEn : authority.shortZh) : "—";
  };
  return (
    <div className="space-y-6">
      <BatchHeader batch={data.batch} current="review" />
      <p className="text-sm text-slate-700">{t("review.intro", { n: data.batch.minExperts })}</p>
      {data.apps.length === 0 ? <p>{t("review.none")}</p> : null}
      <ul className="space-y-4">
        {data.apps.map((app) => (
          <li key={app.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`review-app-${app.school.nameZh}`}>
            <div className="flex flex-wrap items-center gap-3">
              <a href={`/console/selection/applications/${app.id}`} className="font-semibold text-brand-700 underline">
                {app.school.nameZh}
                {app.schoolMajor ? ` · ${localName(app.schoolMajor.major, locale)}` : ""}
              </a>
              <span className="text-sm text-slate-600">
                {localName(app.authority, locale)} · {tEnums(`tier.${app.school.tier}`)}
                {app.provinceRank ? ` · ${t("review.provinceRank", { n: app.provinceRank })}` : ""}
              </span>
              <StatusBadge entity="application" status={app.status} />
              <span className={`text-sm ${app.submitted >= data.batch.minExperts ? "text-green-800" : "text-amber-800"}`}>
                {t("review.progress", { submitted: app.submitted, assigned: app.live.length, min: data.batch.minExperts })}
              </span>
            </div>
            {app.live.length ? (
              <ul className="space-y-1 text-sm">
                {app.live.map((assignment) => (
                  <li key={assignment.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      {assignment.expert.displayName}（{authorityName(assignment.expert.authorityId)}）
                    </span>
                    <StatusBadge entity="assignment" status={assignment.status} />
                    {data.canAct && assignment.status === "ASSIGNED" ? (
                      <ActionButton
                        action={withdrawAssignmentAction}
                        input={{ assignmentId: assignment.id }}
                        label={t("steps.assignment.withdraw")}
                        variant="secondary"
                        confirm={{ title: t("review.withdrawTitle"), body: t("review.withdrawBody", { name: assignment.expert.displayName }) }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {data.canAct && app.status === "RECOMMENDED" ? (
              <AssignForm
                applicationId={app.id}
                schoolName={app.school.nameZh}
                offers={app.offers.map((offer) => ({ id: offer.id, label: `${offer.displayName}（${authorityName(offer.authorityId)}）` }))}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
