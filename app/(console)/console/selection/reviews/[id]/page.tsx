import { getLocale, getTranslations } from "next-intl/server";
import { reviewerLetter } from "@/lib/selection/scoring";
import { loadReview } from "@/lib/selection/reviews/loaders";
import { StatusBadge } from "../../_components/status-badge";
import { ReviewForm } from "./review-form";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { applicationLabel } from "@/components/selection/application-label";
import { SelfAssessmentView, type SelfAssessment } from "../../_components/self-assessment";
import { Panel } from "@/components/panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One review: the application as evidence, the score sheet, and — after submitting — peers' scores. */
export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums, locale] = await Promise.all([loadReview(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const app = data.review.application;
  const selfAssessment = (app.selfAssessment ?? {}) as SelfAssessment;
  const own = Object.fromEntries(data.review.scores.map((score) => [score.indicatorId, score.score]));
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/console/selection/reviews", label: t("reviews.title") }}
        title={applicationLabel(app, locale)}
        badges={
          <span data-testid="assignment-status">
            <StatusBadge entity="assignment" status={data.review.status} />
          </span>
        }
        intro={
          <p className="text-sm">
            {localName(app.batch, locale)} · {localName(app.school.authority, locale)} · {tEnums(`tier.${app.school.tier}`)}
          </p>
        }
      />

      <SelfAssessmentView indicators={data.indicators} selfAssessment={selfAssessment} evidenceText={app.evidenceText} evidenceLinks={app.evidenceLinks}>
        <ul>
          {app.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={`/console/selection/attachments/${attachment.id}`} className="text-brand-700 underline">
                {attachment.fileName}
              </a>
            </li>
          ))}
        </ul>
      </SelfAssessmentView>

      <Panel title={t("reviewForm.title")}>
        {data.canScore ? (
          <ReviewForm
            assignmentId={data.review.id}
            indicators={data.indicators}
            scores={own}
            internalComment={data.review.internalComment ?? ""}
            applicantFeedback={data.review.applicantFeedback ?? ""}
          />
        ) : (
          <div className="space-y-1 text-sm">
            <ul>
              {data.indicators.map((indicator) => (
                <li key={indicator.id}>
                  {indicator.code} {localName(indicator, locale)}：<span className="tabular-nums">{own[indicator.id] ?? "—"}</span> / {indicator.maxScore}
                </li>
              ))}
            </ul>
            <p className="font-medium">{t("reviewForm.total", { total: data.ownTotal?.toFixed(2) ?? "—" })}</p>
            {data.review.status !== "SUBMITTED" ? <p>{t("reviewForm.closed")}</p> : null}
          </div>
        )}
      </Panel>

      <Panel title={t("reviewForm.peers")} className="text-sm">
        {data.review.status !== "SUBMITTED" ? (
          <p>{t("reviewForm.peersHidden")}</p>
        ) : data.peers.length === 0 ? (
          <p>{t("reviewForm.noPeers")}</p>
        ) : (
          <ul>
            {data.peers.map((peer, index) => (
              <li key={index} className="tabular-nums">
                {t("ledger.expert", { letter: reviewerLetter(index) })}：
                {data.indicators.map((indicator) => `${indicator.code} ${peer.scores[indicator.id] ?? "—"}`).join("，")}；
                {t("reviewForm.total", { total: peer.total?.toFixed(2) ?? "—" })}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
