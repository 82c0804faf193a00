import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cancelBatchAction, finishReviewAction, openBatchAction, startReviewAction } from "@/lib/selection/batches/actions";
import { loadBatchOverview } from "@/lib/selection/batches/loaders";
import { ActionButton } from "../../_components/action-button";
import { BatchForm } from "./batch-form";
import { BatchHeader } from "./batch-header";
import { IndicatorsEditor } from "./indicators-editor";
import { QuotasEditor } from "./quotas-editor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const STEP_ACTIONS = { open: openBatchAction, startReview: startReviewAction, finishReview: finishReviewAction, cancel: cancelBatchAction } as const;

export default async function BatchOverviewPage({ params }: Props) {
  const { id } = await params;
  const [d, t, te, f, locale] = await Promise.all([loadBatchOverview(id), getTranslations("selection"), getTranslations("enums"), getFormatter(), getLocale()]);
  const { batch } = d;
  const draft = batch.status === "DRAFT";
  const steps = d.steps.filter((s): s is keyof typeof STEP_ACTIONS => s in STEP_ACTIONS).filter((s) => (s === "open" || s === "cancel" ? d.canEdit : d.canAct));
  const byAuthority = new Map<string, Record<string, number>>();
  for (const c of d.counts) byAuthority.set(c.authorityId, { ...(byAuthority.get(c.authorityId) ?? {}), [c.status]: c.count });
  const authName = (aid: string) => {
    const a = d.authorities.find((x) => x.id === aid);
    return a ? (locale === "en" ? a.nameEn : a.nameZh) : aid;
  };
  return (
    <div className="space-y-6">
      <BatchHeader batch={batch} current="overview" />

      <section aria-labelledby="steps-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="steps-h" className="text-lg font-semibold">
          {t("overview.steps")}
        </h2>
        <p className="text-sm text-slate-700">{t(`overview.statusHint.${batch.status}`)}</p>
        <div className="flex flex-wrap gap-3">
          {steps.map((s) => (
            <ActionButton
              key={s}
              action={STEP_ACTIONS[s]}
              input={{ batchId: batch.id }}
              label={t(`steps.batch.${s}`)}
              variant={s === "cancel" ? "danger" : "primary"}
              confirm={{ title: t(`overview.confirm.${s}.title`), body: t(`overview.confirm.${s}.body`) }}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="settings-h" className="space-y-2">
        <h2 id="settings-h" className="text-lg font-semibold">
          {t("overview.settings")}
        </h2>
        {draft && d.canEdit ? (
          <BatchForm mode="edit" batchId={batch.id} values={{ ...batch, windowOpensAt: d.form.windowOpensAt, windowClosesAt: d.form.windowClosesAt }} />
        ) : (
          <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">{t("batch.year")}</dt>
              <dd>{batch.year}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.target")}</dt>
              <dd className="tabular-nums">{batch.targetCount}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.window")}</dt>
              <dd>
                {f.dateTime(batch.windowOpensAt, { dateStyle: "medium", timeStyle: "short" })} –{" "}
                {f.dateTime(batch.windowClosesAt, { dateStyle: "medium", timeStyle: "short" })}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.eligibility")}</dt>
              <dd>
                {batch.eligibleTiers.map((x) => te(`tier.${x}`)).join("、")}；{batch.eligibleStatuses.map((x) => te(`status.${x}`)).join("、")}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.noticeDays")}</dt>
              <dd>{t("batch.days", { n: batch.noticeDays })}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.minExperts")}</dt>
              <dd>{batch.minExperts}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.spreadThreshold")}</dt>
              <dd>{batch.spreadThreshold}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.cutLine")}</dt>
              <dd>{batch.cutLine ?? "—"}</dd>
            </div>
          </dl>
        )}
      </section>

      <section aria-labelledby="ind-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ind-h" className="text-lg font-semibold">
          {t("indicators.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("indicators.hint")}</p>
        {draft && d.canEdit ? (
          <IndicatorsEditor batchId={batch.id} initial={batch.indicators.map(({ id: _id, ...r }) => r)} />
        ) : (
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("indicators.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  {t("indicators.cols.code")}
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  {t("indicators.cols.nameZh")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("indicators.cols.weight")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("indicators.cols.maxScore")}
                </th>
              </tr>
            </thead>
            <tbody>
              {batch.indicators.map((i) => (
                <tr key={i.id} className="border-t border-slate-100">
                  <td className="px-2 py-1">{i.code}</td>
                  <td className="px-2 py-1">{locale === "en" ? i.nameEn : i.nameZh}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{i.weight}%</td>
                  <td className="px-2 py-1 text-right tabular-nums">{i.maxScore}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="quota-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="quota-h" className="text-lg font-semibold">
          {t("quotas.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("quotas.hint")}</p>
        {(draft || batch.status === "APPLYING") && d.canEdit ? (
          <QuotasEditor batchId={batch.id} defaultQuota={batch.defaultQuota} quotas={batch.quotas} authorities={d.authorities} />
        ) : (
          <p className="text-sm">
            {t("quotas.summary", { n: batch.defaultQuota })}
            {batch.quotas.length ? `；${batch.quotas.map((q) => `${authName(q.authorityId)} ${q.quota}`).join("、")}` : ""}
          </p>
        )}
      </section>

      <section aria-labelledby="apps-h" className="space-y-2">
        <h2 id="apps-h" className="text-lg font-semibold">
          {t("overview.byAuthority")}
        </h2>
        {byAuthority.size === 0 ? (
          <p className="text-sm">{t("overview.noApplications")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("overview.byAuthority")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("common.authority")}
                  </th>
                  {(["DRAFT", "SUBMITTED", "RECOMMENDED", "SELECTED", "DESIGNATED", "NOT_SELECTED"] as const).map((s) => (
                    <th key={s} scope="col" className="px-3 py-2 text-right">
                      {t(`status.application.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...byAuthority.entries()].map(([aid, c]) => (
                  <tr key={aid} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {authName(aid)}
                    </th>
                    {(["DRAFT", "SUBMITTED", "RECOMMENDED", "SELECTED", "DESIGNATED", "NOT_SELECTED"] as const).map((s) => (
                      <td key={s} className="px-3 py-1.5 text-right tabular-nums">
                        {c[s] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
