"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { TextAreaField, TextField } from "@/components/form-field";
import { saveReviewAction } from "@/lib/selection/reviews/actions";
import { partialTotal } from "@/lib/selection/scoring";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";
import { localName } from "@/components/local-name";

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
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(indicators.map((indicator) => [indicator.id, scores[indicator.id]?.toString() ?? ""])),
  );
  const [internal, setInternal] = useState(internalComment);
  const [feedback, setFeedback] = useState(applicantFeedback);
  // The indicators the last refusal named (their scores are missing or out of range).
  const [refused, setRefused] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const step = useStep();
  // Blank and out-of-range scores count for nothing (scoring.ts's range rule), as on the server.
  const total = partialTotal(indicators, Object.fromEntries(Object.entries(values).map(([id, value]) => [id, value.trim() === "" ? null : Number(value)])));
  const send = (submit: boolean) =>
    step.run(
      () =>
        saveReviewAction({
          assignmentId,
          scores: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim() === "" ? null : value])),
          internalComment: internal,
          applicantFeedback: feedback,
          submit,
        }),
      {
        success: submit ? t("submitted") : t("saved"),
        onSettled: (result) => {
          setConfirming(false);
          setRefused(!result.ok && typeof result.detail?.fields === "string" ? result.detail.fields.split(",") : []);
        },
      },
    );
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("scores")}</legend>
        {indicators.map((indicator) => (
          <TextField
            key={indicator.id}
            id={`sc-${indicator.id}`}
            label={
              <span className="inline-block w-64 font-normal">
                {indicator.code} {localName(indicator, locale)}
                <span className="block text-xs text-slate-600">{t("range", { max: indicator.maxScore, weight: indicator.weight })}</span>
              </span>
            }
            inline
            type="number"
            min={0}
            max={indicator.maxScore}
            step="0.5"
            value={values[indicator.id]}
            onChange={(event) => setValues((current) => ({ ...current, [indicator.id]: event.target.value }))}
            invalid={refused.includes(indicator.id)}
            dense
            width="auto"
            inputClassName="w-24 text-right"
          />
        ))}
        <p className="text-sm" aria-live="polite">
          {t("total", { total: total.toFixed(2) })}
        </p>
      </fieldset>
      <TextAreaField
        id="rv-feedback"
        label={t("feedback")}
        rows={3}
        value={feedback}
        onChange={(event) => setFeedback(event.target.value)}
        hint={t("feedbackHint")}
      />
      <TextAreaField id="rv-internal" label={t("internal")} value={internal} onChange={(event) => setInternal(event.target.value)} hint={t("internalHint")} />
      <FormStatus {...step.status} />
      {confirming ? (
        <ConfirmPanel
          title={t("submitTitle")}
          body={t("submitBody", { total: total.toFixed(2) })}
          confirmLabel={t("submit")}
          cancelLabel={t("cancel")}
          onConfirm={() => send(true)}
          onCancel={() => setConfirming(false)}
          busy={step.pending}
        />
      ) : (
        <div className="flex gap-3">
          <Button variant="secondary" size="sm" onClick={() => send(false)} disabled={!step.ready}>
            {t("save")}
          </Button>
          <Button size="sm" onClick={() => setConfirming(true)} disabled={!step.ready}>
            {t("submit")}
          </Button>
        </div>
      )}
    </div>
  );
}
