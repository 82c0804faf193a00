"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { saveReviewAction } from "@/lib/selection/reviews/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

type Indicator = { id: string; code: string; nameZh: string; nameEn: string; weight: number; maxScore: number };

/** Scores per indicator (0…max), an internal comment, feedback for the applicant; save or submit (final). */
export function ReviewForm({
  assignmentId,
  indicators,
  scores,
  internalComment,
  applicantFeedback,
}: {
  assignmentId: string;
  indicators: Indicator[];
  scores: Record<string, number>;
  internalComment: string;
  applicantFeedback: string;
}) {
  const t = useTranslations("selection.reviewForm");
  const locale = useLocale();
  const message = useResultMessage();
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(indicators.map((i) => [i.id, scores[i.id]?.toString() ?? ""])));
  const [internal, setInternal] = useState(internalComment);
  const [feedback, setFeedback] = useState(applicantFeedback);
  const [bad, setBad] = useState<string[]>([]);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const total = indicators.reduce((s, i) => {
    const v = Number(values[i.id]);
    return values[i.id] !== "" && Number.isFinite(v) ? s + (i.weight * v) / i.maxScore : s;
  }, 0);
  const send = (submit: boolean) =>
    start(async () => {
      setStatus({});
      const r = await saveReviewAction({
        assignmentId,
        scores: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? null : v])),
        internalComment: internal,
        applicantFeedback: feedback,
        submit,
      });
      setConfirming(false);
      if (!r.ok) {
        setBad(typeof r.detail?.fields === "string" ? r.detail.fields.split(",") : []);
        return setStatus({ error: message(r) });
      }
      setBad([]);
      setStatus({ success: submit ? t("submitted") : t("saved") });
      router.refresh();
    });
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("scores")}</legend>
        {indicators.map((i) => (
          <div key={i.id} className="flex flex-wrap items-center gap-3">
            <label htmlFor={`sc-${i.id}`} className="w-64 text-sm">
              {i.code} {locale === "en" ? i.nameEn : i.nameZh}
              <span className="block text-xs text-slate-600">{t("range", { max: i.maxScore, weight: i.weight })}</span>
            </label>
            <input
              id={`sc-${i.id}`}
              type="number"
              min={0}
              max={i.maxScore}
              step="0.5"
              value={values[i.id]}
              onChange={(e) => setValues((v) => ({ ...v, [i.id]: e.target.value }))}
              aria-invalid={bad.includes(i.id) || undefined}
              className={`w-24 rounded border px-2 py-1 text-right ${bad.includes(i.id) ? "border-red-600" : "border-slate-300"}`}
            />
          </div>
        ))}
        <p className="text-sm" aria-live="polite">
          {t("total", { total: total.toFixed(2) })}
        </p>
      </fieldset>
      <div>
        <label htmlFor="rv-feedback" className="block text-sm font-medium">
          {t("feedback")}
        </label>
        <textarea
          id="rv-feedback"
          rows={3}
          value={feedback}
          onChange={(e) => setFeedback(e.target.value)}
          aria-describedby="rv-feedback-hint"
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
        <p id="rv-feedback-hint" className="text-xs text-slate-600">
          {t("feedbackHint")}
        </p>
      </div>
      <div>
        <label htmlFor="rv-internal" className="block text-sm font-medium">
          {t("internal")}
        </label>
        <textarea
          id="rv-internal"
          rows={2}
          value={internal}
          onChange={(e) => setInternal(e.target.value)}
          aria-describedby="rv-internal-hint"
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
        <p id="rv-internal-hint" className="text-xs text-slate-600">
          {t("internalHint")}
        </p>
      </div>
      <FormStatus error={status.error} success={status.success} />
      {confirming ? (
        <ConfirmPanel
          title={t("submitTitle")}
          body={t("submitBody", { total: total.toFixed(2) })}
          confirmLabel={t("submit")}
          cancelLabel={t("cancel")}
          onConfirm={() => send(true)}
          onCancel={() => setConfirming(false)}
          busy={pending}
        />
      ) : (
        <div className="flex gap-3">
          <button
            type="button"
            onClick={() => send(false)}
            disabled={!hydrated || pending}
            className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-60"
          >
            {t("save")}
          </button>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={!hydrated || pending}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {t("submit")}
          </button>
        </div>
      )}
    </div>
  );
}
