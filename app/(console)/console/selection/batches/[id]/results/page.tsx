import { getLocale, getTranslations } from "next-intl/server";
import { decideByCutLineAction } from "@/lib/selection/results/actions";
import { loadBatchResults } from "@/lib/selection/results/loaders";
import { ActionButton } from "../../../_components/action-button";
import { StatusBadge } from "../../../_components/status-badge";
import { BatchHeader } from "../batch-header";
import { CutLineForm } from "./cut-line-form";
import { DecisionForm } from "./decision-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Results: weighted scores, reviewer spread (flagged), ranking, decisions and the cut line. */
export default async function BatchResultsPage({ params }: Props) {
  const { id } = await params;
  const [d, t, te, locale] = await Promise.all([loadBatchResults(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const n2 = (v: number | null) => (v === null ? "—" : v.toFixed(2));
  return (
    <div className="space-y-6">
      <BatchHeader batch={d.batch} current="results" />
      <p className="max-w-3xl text-sm text-slate-700">{t("results.intro", { threshold: d.batch.spreadThreshold })}</p>
      <div className="flex flex-wrap gap-6 text-sm">
        <span>{t("results.target", { n: d.batch.targetCount })}</span>
        <span>{t("results.selectedCount", { n: d.selected })}</span>
        <span>{t("results.undecidedCount", { n: d.undecided })}</span>
        <span>{t("results.cutLineNow", { value: d.batch.cutLine ?? "—" })}</span>
      </div>
      {d.canAct ? (
        <section aria-labelledby="cut-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="cut-h" className="text-lg font-semibold">
            {t("results.cutLineTitle")}
          </h2>
          <CutLineForm batchId={d.batch.id} current={d.batch.cutLine} suggested={d.suggestedCutLine} />
          {d.batch.cutLine !== null && d.undecided > 0 ? (
            <ActionButton
              action={decideByCutLineAction}
              input={{ batchId: d.batch.id }}
              label={t("results.decideByCutLine")}
              variant="secondary"
              confirm={{ title: t("results.decideByCutLine"), body: t("results.decideByCutLineBody", { n: d.undecided, value: d.batch.cutLine }) }}
            />
          ) : null}
        </section>
      ) : null}
      {d.ranked.length === 0 ? (
        <p>{t("results.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="px-3 py-2 text-left font-medium">{t("results.tableCaption")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("results.rank")}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("results.applicant")}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("results.experts")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("results.final")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("results.spread")}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("results.decision")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.ranked.map((r) => {
                const below = d.batch.cutLine !== null && r.result.final !== null && r.result.final < d.batch.cutLine;
                return (
                  <tr key={r.id} className={`border-t border-slate-100 align-top ${below ? "bg-slate-50" : ""}`} data-testid={`result-${r.school.nameZh}`}>
                    <td className="px-3 py-2 text-right tabular-nums">{r.result.rank ?? "—"}</td>
                    <td className="px-3 py-2">
                      <a href={`/console/selection/applications/${r.id}`} className="font-medium text-brand-700 underline">
                        {r.school.nameZh}
                        {r.schoolMajor ? ` · ${locale === "en" ? r.schoolMajor.major.nameEn : r.schoolMajor.major.nameZh}` : ""}
                      </a>
                      <div className="text-xs text-slate-600">
                        {locale === "en" ? r.authority.nameEn : r.authority.nameZh} · {te(`tier.${r.school.tier}`)}
                      </div>
                    </td>
                    <td className="px-3 py-2">
                      <ul>
                        {r.experts.map((e, i) => (
                          <li key={i} className="tabular-nums">
                            {e.name}: {n2(e.total)}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-3 py-2 text-right font-semibold tabular-nums">{n2(r.result.final)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {n2(r.result.spread)}
                      {r.result.spreadFlagged ? <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">{t("results.spreadFlag")}</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge entity="application" status={r.status} />
                      {r.decision ? <p className="mt-1 max-w-xs text-xs text-slate-700">{r.decision.reason}</p> : null}
                      {r.decision?.removedReason ? (
                        <p className="mt-1 max-w-xs text-xs text-red-800">{t("results.removed", { reason: r.decision.removedReason })}</p>
                      ) : null}
                      {d.canAct && ["RECOMMENDED", "SELECTED", "NOT_SELECTED"].includes(r.status) ? (
                        <DecisionForm
                          applicationId={r.id}
                          schoolName={r.school.nameZh}
                          selected={r.decision ? r.decision.selected : null}
                          reason={r.decision?.reason ?? ""}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
