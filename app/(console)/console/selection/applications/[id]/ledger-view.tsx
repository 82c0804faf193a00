import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { Ledger } from "@/lib/selection/ledger";
import { localName } from "@/components/local-name";

/**
 * The explainable ledger: indicators and weights, each expert's scores (names for the ministry,
 * 专家A/专家B elsewhere), final score, spread, rank, cut line, decision and its reason.
 */
export async function LedgerView({ ledger }: { ledger: Ledger }) {
  const [t, locale] = await Promise.all([getTranslations("selection.ledger"), getLocale()]);
  const twoPlaces = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toFixed(2));
  const who = (expert: Ledger["experts"][number]) => expert.name ?? t("expert", { letter: expert.letter });
  return (
    <section aria-labelledby="ledger-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="ledger">
      <h2 id="ledger-h" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {ledger.experts.length === 0 ? <p className="text-sm">{t("noScores")}</p> : null}
      <DataTable
        variant="inset"
        caption={t("title")}
        rows={ledger.indicators}
        columns={[
          {
            key: "indicator",
            header: t("indicator"),
            rowHeader: true,
            cell: (indicator) => `${indicator.code} ${localName(indicator, locale)}`,
          },
          { key: "weight", header: t("weight"), numeric: true, cell: (indicator) => `${indicator.weight}%` },
          { key: "max", header: t("max"), numeric: true, cell: (indicator) => indicator.maxScore },
          ...ledger.experts.map((expert) => ({
            key: `expert-${expert.letter}`,
            header: who(expert),
            numeric: true,
            cell: (indicator: Ledger["indicators"][number]) => expert.scores[indicator.id] ?? "—",
          })),
          { key: "mean", header: t("mean"), numeric: true, cell: (indicator) => twoPlaces(indicator.mean) },
        ]}
        footer={{
          indicator: t("weightedTotal"),
          ...Object.fromEntries(ledger.experts.map((expert) => [`expert-${expert.letter}`, twoPlaces(expert.total)])),
          mean: twoPlaces(ledger.final),
        }}
      />
      <dl className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("final")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{twoPlaces(ledger.final)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("rank")}</dt>
          <dd className="tabular-nums">{ledger.rank ? t("rankOf", { rank: ledger.rank, n: ledger.ranked }) : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("cutLine")}</dt>
          <dd className="tabular-nums">{twoPlaces(ledger.batch.cutLine)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("spread")}</dt>
          <dd className="tabular-nums">
            {twoPlaces(ledger.spread)}{" "}
            {ledger.spreadFlagged ? (
              <span className="rounded bg-red-100 px-1 text-xs text-red-800">{t("spreadFlag", { threshold: ledger.batch.spreadThreshold })}</span>
            ) : null}
          </dd>
        </div>
      </dl>
      <div className="rounded bg-slate-50 p-3 text-sm" data-testid="ledger-decision">
        <p className="font-medium">
          {ledger.decision
            ? ledger.decision.removedAt
              ? t("removed")
              : ledger.decision.selected
                ? t("selected")
                : t("notSelected")
            : ledger.status === "NOT_RECOMMENDED"
              ? t("notRecommended")
              : t("pending")}
        </p>
        {ledger.decision ? <p>{t("reason", { reason: ledger.decision.reason })}</p> : null}
        {ledger.decision?.removedReason ? <p className="text-red-800">{t("removedReason", { reason: ledger.decision.removedReason })}</p> : null}
      </div>
      {ledger.experts.some((expert) => expert.feedback || expert.internalComment) ? (
        <div className="space-y-1 text-sm">
          <h3 className="font-medium">{t("feedback")}</h3>
          <ul className="space-y-1">
            {ledger.experts.map((expert) =>
              expert.feedback || expert.internalComment ? (
                <li key={expert.letter}>
                  <span className="font-medium">{who(expert)}：</span>
                  {expert.feedback}
                  {expert.internalComment ? <span className="block text-xs text-slate-600">{t("internal", { text: expert.internalComment })}</span> : null}
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
