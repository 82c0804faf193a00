import { getLocale, getTranslations } from "next-intl/server";
import type { Ledger } from "@/lib/selection/ledger";

/**
 * The explainable ledger: indicators and weights, each expert's scores (names for the ministry,
 * 专家A/专家B elsewhere), final score, spread, rank, cut line, decision and its reason.
 */
export async function LedgerView({ ledger }: { ledger: Ledger }) {
  const [t, locale] = await Promise.all([getTranslations("selection.ledger"), getLocale()]);
  const n2 = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(2));
  const who = (e: Ledger["experts"][number]) => e.name ?? t("expert", { letter: e.letter });
  return (
    <section aria-labelledby="ledger-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="ledger">
      <h2 id="ledger-h" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {ledger.experts.length === 0 ? <p className="text-sm">{t("noScores")}</p> : null}
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {t("indicator")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("weight")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("max")}
              </th>
              {ledger.experts.map((e) => (
                <th key={e.letter} scope="col" className="px-2 py-1 text-right">
                  {who(e)}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right">
                {t("mean")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.indicators.map((i) => (
              <tr key={i.id} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {i.code} {locale === "en" ? i.nameEn : i.nameZh}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{i.weight}%</td>
                <td className="px-2 py-1 text-right tabular-nums">{i.maxScore}</td>
                {ledger.experts.map((e) => (
                  <td key={e.letter} className="px-2 py-1 text-right tabular-nums">
                    {e.scores[i.id] ?? "—"}
                  </td>
                ))}
                <td className="px-2 py-1 text-right tabular-nums">{n2(i.mean)}</td>
              </tr>
            ))}
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="px-2 py-1 text-left">
                {t("weightedTotal")}
              </th>
              <td className="px-2 py-1" />
              <td className="px-2 py-1" />
              {ledger.experts.map((e) => (
                <td key={e.letter} className="px-2 py-1 text-right tabular-nums">
                  {n2(e.total)}
                </td>
              ))}
              <td className="px-2 py-1 text-right tabular-nums">{n2(ledger.final)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("final")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{n2(ledger.final)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("rank")}</dt>
          <dd className="tabular-nums">{ledger.rank ? t("rankOf", { rank: ledger.rank, n: ledger.ranked }) : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("cutLine")}</dt>
          <dd className="tabular-nums">{n2(ledger.batch.cutLine)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("spread")}</dt>
          <dd className="tabular-nums">
            {n2(ledger.spread)}{" "}
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
      {ledger.experts.some((e) => e.feedback || e.internalComment) ? (
        <div className="space-y-1 text-sm">
          <h3 className="font-medium">{t("feedback")}</h3>
          <ul className="space-y-1">
            {ledger.experts.map((e) =>
              e.feedback || e.internalComment ? (
                <li key={e.letter}>
                  <span className="font-medium">{who(e)}：</span>
                  {e.feedback}
                  {e.internalComment ? <span className="block text-xs text-slate-600">{t("internal", { text: e.internalComment })}</span> : null}
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
