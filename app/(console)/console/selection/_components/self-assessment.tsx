import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { localName } from "@/components/local-name";
import { Panel } from "@/components/panel";

type Indicator = { id: string; code: string; nameZh: string; nameEn: string; weight: number; maxScore: number };
export type SelfAssessment = Record<string, { score: number | null; note: string }>;

/**
 * The applicant's own scores per indicator, the evidence text and its links — as the
 * application page shows them once it can no longer be edited, and as the expert reads them.
 */
export async function SelfAssessmentView({
  indicators,
  selfAssessment,
  evidenceText,
  evidenceLinks,
  withWeights,
  children,
}: {
  indicators: Indicator[];
  selfAssessment: SelfAssessment;
  evidenceText: string | null;
  evidenceLinks: string[];
  withWeights?: boolean;
  children?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("selection.application"), getLocale()]);
  return (
    <Panel title={t("selfAssessment")} className="text-sm">
      <ul className="space-y-1">
        {indicators.map((indicator) => (
          <li key={indicator.id}>
            {indicator.code} {localName(indicator, locale)}
            {withWeights ? `（${indicator.weight}%）` : null}：<span className="tabular-nums">{selfAssessment[indicator.code]?.score ?? "—"}</span> /{" "}
            {indicator.maxScore}
            {selfAssessment[indicator.code]?.note ? ` — ${selfAssessment[indicator.code].note}` : ""}
          </li>
        ))}
      </ul>
      {evidenceText ? <p className="whitespace-pre-wrap">{evidenceText}</p> : null}
      <ul>
        {evidenceLinks.map((link) => (
          <li key={link}>
            <a href={link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
              {link}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </Panel>
  );
}
