"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FieldErrorList, type FieldIssue } from "@/components/field-error-list";
import { saveApplicationAction } from "@/lib/selection/applications/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

type Indicator = { code: string; nameZh: string; nameEn: string; weight: number; maxScore: number };
type SA = Record<string, { score: number | null; note: string }>;

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
  selfAssessment: SA;
  evidenceText: string;
  evidenceLinks: string[];
}) {
  const t = useTranslations("selection.application");
  const locale = useLocale();
  const message = useResultMessage();
  const router = useRouter();
  const [sa, setSa] = useState<Record<string, { score: string; note: string }>>(
    Object.fromEntries(indicators.map((i) => [i.code, { score: selfAssessment[i.code]?.score?.toString() ?? "", note: selfAssessment[i.code]?.note ?? "" }])),
  );
  const [text, setText] = useState(evidenceText);
  const [links, setLinks] = useState(evidenceLinks.join("\n"));
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const save = () =>
    start(async () => {
      setStatus({});
      const r = await saveApplicationAction({
        applicationId,
        version,
        selfAssessment: Object.fromEntries(Object.entries(sa).map(([k, v]) => [k, { score: v.score.trim() === "" ? null : v.score, note: v.note }])),
        evidenceText: text,
        evidenceLinks: links.split(/\s*\n\s*/).filter(Boolean),
      });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        return setStatus({ error: message(r) });
      }
      setErrors({});
      setStatus({ success: t("saved") });
      router.refresh();
    });
  return (
    <div className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("selfAssessment")}</legend>
        {indicators.map((i) => (
          <div key={i.code} className="grid gap-2 sm:grid-cols-[14rem_7rem_1fr] sm:items-start">
            <span className="text-sm">
              {i.code} {locale === "en" ? i.nameEn : i.nameZh}
              <span className="block text-xs text-slate-600">{t("weightMax", { weight: i.weight, max: i.maxScore })}</span>
            </span>
            <div>
              <label htmlFor={`sa-${i.code}`} className="sr-only">
                {t("scoreFor", { name: i.nameZh })}
              </label>
              <input
                id={`sa-${i.code}`}
                inputMode="decimal"
                value={sa[i.code].score}
                onChange={(e) => setSa((s) => ({ ...s, [i.code]: { ...s[i.code], score: e.target.value } }))}
                className="w-24 rounded border border-slate-300 px-2 py-1 text-right"
                aria-invalid={errors[`selfAssessment.${i.code}.score`] ? true : undefined}
                aria-describedby={errors[`selfAssessment.${i.code}.score`] ? `sa-${i.code}-err` : undefined}
              />
              <FieldErrorList id={`sa-${i.code}-err`} issues={errors[`selfAssessment.${i.code}.score`]} />
            </div>
            <div>
              <label htmlFor={`san-${i.code}`} className="sr-only">
                {t("noteFor", { name: i.nameZh })}
              </label>
              <input
                id={`san-${i.code}`}
                value={sa[i.code].note}
                placeholder={t("notePlaceholder")}
                onChange={(e) => setSa((s) => ({ ...s, [i.code]: { ...s[i.code], note: e.target.value } }))}
                className="w-full rounded border border-slate-300 px-2 py-1"
              />
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <label htmlFor="ev-text" className="block text-sm font-medium">
          {t("evidenceText")}
        </label>
        <textarea
          id="ev-text"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
        <FieldErrorList id="ev-text-err" issues={errors.evidenceText} />
      </div>
      <div>
        <label htmlFor="ev-links" className="block text-sm font-medium">
          {t("evidenceLinks")}
        </label>
        <textarea
          id="ev-links"
          rows={2}
          value={links}
          onChange={(e) => setLinks(e.target.value)}
          aria-describedby="ev-links-hint"
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
        <p id="ev-links-hint" className="text-xs text-slate-600">
          {t("linksHint")}
        </p>
        {Object.entries(errors)
          .filter(([k]) => k.startsWith("evidenceLinks"))
          .map(([k, v]) => (
            <FieldErrorList key={k} id={`ev-${k}`} issues={v} />
          ))}
      </div>
      <FormStatus error={status.error} success={status.success} />
      <button
        type="button"
        onClick={save}
        disabled={!hydrated || pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("saveDraft")}
      </button>
    </div>
  );
}
