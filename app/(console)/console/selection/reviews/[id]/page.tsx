import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { reviewerLetter } from "@/lib/selection/scoring";
import { loadReview } from "@/lib/selection/reviews/loaders";
import { StatusBadge } from "../../_components/status-badge";
import { ReviewForm } from "./review-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One review: the application as evidence, the score sheet, and — after submitting — peers' scores. */
export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums, locale] = await Promise.all([loadReview(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const app = data.review.application;
  const selfAssessment = (app.selfAssessment ?? {}) as Record<string, { score: number | null; note: string }>;
  const own = Object.fromEntries(data.review.scores.map((score) => [score.indicatorId, score.score]));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/console/selection/reviews" className="text-brand-700 underline">
          {t("reviews.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {app.school.nameZh}
          {app.schoolMajor ? ` · ${locale === "en" ? app.schoolMajor.major.nameEn : app.schoolMajor.major.nameZh}` : ""}
        </h1>
        <span data-testid="assignment-status">
          <StatusBadge entity="assignment" status={data.review.status} />
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {locale === "en" && app.batch.nameEn ? app.batch.nameEn : app.batch.nameZh} ·{" "}
        {locale === "en" ? app.school.authority.nameEn : app.school.authority.nameZh} · {tEnums(`tier.${app.school.tier}`)}
      </p>

      <section aria-labelledby="ev-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="ev-h" className="text-lg font-semibold">
          {t("application.selfAssessment")}
        </h2>
        <ul className="space-y-1">
          {data.indicators.map((indicator) => (
            <li key={indicator.id}>
              {indicator.code} {locale === "en" ? indicator.nameEn : indicator.nameZh}：
              <span className="tabular-nums">{selfAssessment[indicator.code]?.score ?? "—"}</span> / {indicator.maxScore}
              {selfAssessment[indicator.code]?.note ? ` — ${selfAssessment[indicator.code].note}` : ""}
            </li>
          ))}
        </ul>
        {app.evidenceText ? <p className="whitespace-pre-wrap">{app.evidenceText}</p> : null}
        {app.evidenceLinks.map((link) => (
          <p key={link}>
            <a href={link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
              {link}
            </a>
          </p>
        ))}
        {app.attachments.map((attachment) => (
          <p key={attachment.id}>
            <a href={`/console/selection/attachments/${attachment.id}`} className="text-brand-700 underline">
              {attachment.fileName}
            </a>
          </p>
        ))}
      </section>

      <section aria-labelledby="sc-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sc-h" className="text-lg font-semibold">
          {t("reviewForm.title")}
        </h2>
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
                  {indicator.code} {locale === "en" ? indicator.nameEn : indicator.nameZh}：<span className="tabular-nums">{own[indicator.id] ?? "—"}</span> /{" "}
                  {indicator.maxScore}
                </li>
              ))}
            </ul>
            <p className="font-medium">{t("reviewForm.total", { total: data.ownTotal?.toFixed(2) ?? "—" })}</p>
            {data.review.status !== "SUBMITTED" ? <p>{t("reviewForm.closed")}</p> : null}
          </div>
        )}
      </section>

      <section aria-labelledby="peer-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="peer-h" className="text-lg font-semibold">
          {t("reviewForm.peers")}
        </h2>
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
      </section>
    </div>
  );
}
