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
  const [d, t, te, locale] = await Promise.all([loadReview(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const app = d.review.application;
  const sa = (app.selfAssessment ?? {}) as Record<string, { score: number | null; note: string }>;
  const own = Object.fromEntries(d.review.scores.map((s) => [s.indicatorId, s.score]));
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
          <StatusBadge entity="assignment" status={d.review.status} />
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {locale === "en" && app.batch.nameEn ? app.batch.nameEn : app.batch.nameZh} ·{" "}
        {locale === "en" ? app.school.authority.nameEn : app.school.authority.nameZh} · {te(`tier.${app.school.tier}`)}
      </p>

      <section aria-labelledby="ev-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="ev-h" className="text-lg font-semibold">
          {t("application.selfAssessment")}
        </h2>
        <ul className="space-y-1">
          {d.indicators.map((i) => (
            <li key={i.id}>
              {i.code} {locale === "en" ? i.nameEn : i.nameZh}：<span className="tabular-nums">{sa[i.code]?.score ?? "—"}</span> / {i.maxScore}
              {sa[i.code]?.note ? ` — ${sa[i.code].note}` : ""}
            </li>
          ))}
        </ul>
        {app.evidenceText ? <p className="whitespace-pre-wrap">{app.evidenceText}</p> : null}
        {app.evidenceLinks.map((l) => (
          <p key={l}>
            <a href={l} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
              {l}
            </a>
          </p>
        ))}
        {app.attachments.map((a) => (
          <p key={a.id}>
            <a href={`/console/selection/attachments/${a.id}`} className="text-brand-700 underline">
              {a.fileName}
            </a>
          </p>
        ))}
      </section>

      <section aria-labelledby="sc-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sc-h" className="text-lg font-semibold">
          {t("reviewForm.title")}
        </h2>
        {d.canScore ? (
          <ReviewForm
            assignmentId={d.review.id}
            indicators={d.indicators}
            scores={own}
            internalComment={d.review.internalComment ?? ""}
            applicantFeedback={d.review.applicantFeedback ?? ""}
          />
        ) : (
          <div className="space-y-1 text-sm">
            <ul>
              {d.indicators.map((i) => (
                <li key={i.id}>
                  {i.code} {locale === "en" ? i.nameEn : i.nameZh}：<span className="tabular-nums">{own[i.id] ?? "—"}</span> / {i.maxScore}
                </li>
              ))}
            </ul>
            <p className="font-medium">{t("reviewForm.total", { total: d.ownTotal?.toFixed(2) ?? "—" })}</p>
            {d.review.status !== "SUBMITTED" ? <p>{t("reviewForm.closed")}</p> : null}
          </div>
        )}
      </section>

      <section aria-labelledby="peer-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="peer-h" className="text-lg font-semibold">
          {t("reviewForm.peers")}
        </h2>
        {d.review.status !== "SUBMITTED" ? (
          <p>{t("reviewForm.peersHidden")}</p>
        ) : d.peers.length === 0 ? (
          <p>{t("reviewForm.noPeers")}</p>
        ) : (
          <ul>
            {d.peers.map((p, i) => (
              <li key={i} className="tabular-nums">
                {t("ledger.expert", { letter: reviewerLetter(i) })}：{d.indicators.map((x) => `${x.code} ${p.scores[x.id] ?? "—"}`).join("，")}；
                {t("reviewForm.total", { total: p.total?.toFixed(2) ?? "—" })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
