import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { decideByCutLineAction } from "@/lib/selection/results/actions";
import { loadBatchResults } from "@/lib/selection/results/loaders";
import { ActionButton } from "../../../_components/action-button";
import { StatusBadge } from "../../../_components/status-badge";
import { BatchHeader } from "../batch-header";
import { CutLineForm } from "./cut-line-form";
import { DecisionForm } from "./decision-form";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

/** The states in which the ministry may still decide (or change its decision). */
const DECIDABLE: string[] = ["RECOMMENDED", "SELECTED", "NOT_SELECTED"];

type Props = { params: Promise<{ id: string }> };

/** Results: weighted scores, reviewer spread (flagged), ranking, decisions and the cut line. */
export default async function BatchResultsPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums, locale] = await Promise.all([loadBatchResults(id), getTranslations("selection"), getTranslations("enums"), getLocale()]);
  const twoPlaces = (value: number | null) => (value === null ? "—" : value.toFixed(2));
  const cutLine = data.batch.cutLine;
  const belowCutLine = (entry: (typeof data.ranked)[number]) => cutLine !== null && entry.result.final !== null && entry.result.final < cutLine;
  return (
    <div className="space-y-6">
      <BatchHeader batch={data.batch} current="results" />
      <p className="max-w-3xl text-sm text-slate-700">{t("results.intro", { threshold: data.batch.spreadThreshold })}</p>
      <div className="flex flex-wrap gap-6 text-sm">
        <span>{t("results.target", { n: data.batch.targetCount })}</span>
        <span>{t("results.selectedCount", { n: data.selected })}</span>
        <span>{t("results.undecidedCount", { n: data.undecided })}</span>
        <span>{t("results.cutLineNow", { value: data.batch.cutLine ?? "—" })}</span>
      </div>
      {data.canAct ? (
        <Panel title={t("results.cutLineTitle")}>
          <CutLineForm batchId={data.batch.id} current={data.batch.cutLine} suggested={data.suggestedCutLine} />
          {data.batch.cutLine !== null && data.undecided > 0 ? (
            <ActionButton
              action={decideByCutLineAction}
              input={{ batchId: data.batch.id }}
              label={t("results.decideByCutLine")}
              variant="secondary"
              confirm={{ title: t("results.decideByCutLine"), body: t("results.decideByCutLineBody", { n: data.undecided, value: data.batch.cutLine }) }}
            />
          ) : null}
        </Panel>
      ) : null}
      <DataTable
        showCaption
        caption={t("results.tableCaption")}
        rows={data.ranked}
        alignTop
        empty={t("results.none")}
        rowProps={(entry) => ({ className: belowCutLine(entry) ? "bg-slate-50" : "", "data-testid": `result-${entry.school.nameZh}` })}
        columns={[
          { key: "rank", header: t("results.rank"), numeric: true, cell: (entry) => entry.result.rank ?? "—" },
          {
            key: "applicant",
            header: t("results.applicant"),
            cell: (entry) => (
              <>
                <a href={`/console/selection/applications/${entry.id}`} className="font-medium text-brand-700 underline">
                  {entry.school.nameZh}
                  {entry.schoolMajor ? ` · ${localName(entry.schoolMajor.major, locale)}` : ""}
                </a>
                <div className="text-xs text-slate-600">
                  {localName(entry.authority, locale)} · {tEnums(`tier.${entry.school.tier}`)}
                </div>
              </>
            ),
          },
          {
            key: "experts",
            header: t("results.experts"),
            cell: (entry) => (
              <ul>
                {entry.experts.map((expert, index) => (
                  <li key={index} className="tabular-nums">
                    {expert.name}: {twoPlaces(expert.total)}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: "final", header: t("results.final"), numeric: true, className: "font-semibold", cell: (entry) => twoPlaces(entry.result.final) },
          {
            key: "spread",
            header: t("results.spread"),
            numeric: true,
            cell: (entry) => (
              <>
                {twoPlaces(entry.result.spread)}
                {entry.result.spreadFlagged ? <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">{t("results.spreadFlag")}</span> : null}
              </>
            ),
          },
          {
            key: "decision",
            header: t("results.decision"),
            cell: (entry) => (
              <>
                <StatusBadge entity="application" status={entry.status} />
                {entry.decision ? <p className="mt-1 max-w-xs text-xs text-slate-700">{entry.decision.reason}</p> : null}
                {entry.decision?.removedReason ? (
                  <p className="mt-1 max-w-xs text-xs text-red-800">{t("results.removed", { reason: entry.decision.removedReason })}</p>
                ) : null}
                {data.canAct && DECIDABLE.includes(entry.status) ? (
                  <DecisionForm
                    applicationId={entry.id}
                    schoolName={entry.school.nameZh}
                    selected={entry.decision ? entry.decision.selected : null}
                    reason={entry.decision?.reason ?? ""}
                  />
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
