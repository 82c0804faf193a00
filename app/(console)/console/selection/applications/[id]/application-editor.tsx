"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/form-field";
import { saveApplicationAction } from "@/lib/selection/applications/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";
import { localName } from "@/components/local-name";

type Indicator = { code: string; nameZh: string; nameEn: string; weight: number; maxScore: number };
type SelfAssessment = Record<string, { score: number | null; note: string }>;

/** Self-assessment per indicator, evidence text and links; saved as a draft with its version. */
export function ApplicationEditor({
  applicationId,
  version,
  indicators,
  selfAssessment,
  evidenceText,
  evidenceLinks,
}: {
  applicationId: string;
  version: number;
  indicators: Indicator[];
  selfAssessment: SelfAssessment;
  evidenceText: string;
  evidenceLinks: string[];
}) {
  const t = useTranslations("selection.application");
  const locale = useLocale();
  const [scores, setScores] = useState<Record<string, { score: string; note: string }>>(
    Object.fromEntries(
      indicators.map((indicator) => {
        const saved = selfAssessment[indicator.code];
        return [indicator.code, { score: saved?.score?.toString() ?? "", note: saved?.note ?? "" }];
      }),
    ),
  );
  const setScore = (code: string, change: Partial<{ score: string; note: string }>) =>
    setScores((current) => ({ ...current, [code]: { ...current[code], ...change } }));
  const [text, setText] = useState(evidenceText);
  const [links, setLinks] = useState(evidenceLinks.join("\n"));
  const step = useStep();
  const save = () =>
    step.run(
      () =>
        saveApplicationAction({
          applicationId,
          version,
          selfAssessment: Object.fromEntries(
            Object.entries(scores).map(([code, entry]) => [code, { score: entry.score.trim() === "" ? null : entry.score, note: entry.note }]),
          ),
          evidenceText: text,
          evidenceLinks: links.split(/\s*\n\s*/).filter(Boolean),
        }),
      { success: t("saved") },
    );
  return (
    <div className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("selfAssessment")}</legend>
        {indicators.map((indicator) => (
          <div key={indicator.code} className="grid gap-2 sm:grid-cols-[14rem_7rem_1fr] sm:items-start">
            <span className="text-sm">
              {indicator.code} {localName(indicator, locale)}
              <span className="block text-xs text-slate-600">{t("weightMax", { weight: indicator.weight, max: indicator.maxScore })}</span>
            </span>
            <TextField
              id={`sa-${indicator.code}`}
              label={t("scoreFor", { name: indicator.nameZh })}
              labelHidden
              inputMode="decimal"
              value={scores[indicator.code].score}
              onChange={(event) => setScore(indicator.code, { score: event.target.value })}
              dense
              width="auto"
              inputClassName="w-24 text-right"
              issues={step.errors[`selfAssessment.${indicator.code}.score`]}
            />
            <TextField
              id={`san-${indicator.code}`}
              label={t("noteFor", { name: indicator.nameZh })}
              labelHidden
              value={scores[indicator.code].note}
              placeholder={t("notePlaceholder")}
              onChange={(event) => setScore(indicator.code, { note: event.target.value })}
              dense
            />
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id="ev-text"
        label={t("evidenceText")}
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        issues={step.errors.evidenceText}
      />
      <TextAreaField
        id="ev-links"
        label={t("evidenceLinks")}
        value={links}
        onChange={(event) => setLinks(event.target.value)}
        hint={t("linksHint")}
        issues={Object.entries(step.errors)
          .filter(([key]) => key.startsWith("evidenceLinks"))
          .flatMap(([, issues]) => issues)}
      />
      <FormStatus {...step.status} />
      <Button size="sm" onClick={save} disabled={!step.ready}>
        {t("saveDraft")}
      </Button>
    </div>
  );
}
