import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { cancelBatchAction, finishReviewAction, openBatchAction, startReviewAction } from "@/lib/selection/batches/actions";
import { loadBatchOverview } from "@/lib/selection/batches/loaders";
import { ActionButton } from "../../_components/action-button";
import { BatchForm } from "./batch-form";
import { BatchHeader } from "./batch-header";
import { IndicatorsEditor } from "./indicators-editor";
import { QuotasEditor } from "./quotas-editor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The application states the overview counts per authority. */
const COUNTED = ["DRAFT", "SUBMITTED", "RECOMMENDED", "SELECTED", "DESIGNATED", "NOT_SELECTED"] as const;

const STEP_ACTIONS = { open: openBatchAction, startReview: startReviewAction, finishReview: finishReviewAction, cancel: cancelBatchAction } as const;

export default async function BatchOverviewPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums, format, locale] = await Promise.all([
    loadBatchOverview(id),
    getTranslations("selection"),
    getTranslations("enums"),
    getFormatter(),
    getLocale(),
  ]);
  const { batch } = data;
  const draft = batch.status === "DRAFT";
  const steps = data.steps
    .filter((step): step is keyof typeof STEP_ACTIONS => step in STEP_ACTIONS)
    .filter((step) => (step === "open" || step === "cancel" ? data.canEdit : data.canAct));
  const byAuthority = new Map<string, Record<string, number>>();
  for (const count of data.counts) byAuthority.set(count.authorityId, { ...(byAuthority.get(count.authorityId) ?? {}), [count.status]: count.count });
  const authorityName = (authorityId: string) => {
    const authority = data.authorities.find((candidate) => candidate.id === authorityId);
    return authority ? (locale === "en" ? authority.nameEn : authority.nameZh) : authorityId;
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
          {steps.map((step) => (
            <ActionButton
              key={step}
              action={STEP_ACTIONS[step]}
              input={{ batchId: batch.id }}
              label={t(`steps.batch.${step}`)}
              variant={step === "cancel" ? "danger" : "primary"}
              confirm={{ title: t(`overview.confirm.${step}.title`), body: t(`overview.confirm.${step}.body`) }}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="settings-h" className="space-y-2">
        <h2 id="settings-h" className="text-lg font-semibold">
          {t("overview.settings")}
        </h2>
        {draft && data.canEdit ? (
          <BatchForm mode="edit" batchId={batch.id} values={{ ...batch, windowOpensAt: data.form.windowOpensAt, windowClosesAt: data.form.windowClosesAt }} />
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
                {format.dateTime(batch.windowOpensAt, { dateStyle: "medium", timeStyle: "short" })} –{" "}
                {format.dateTime(batch.windowClosesAt, { dateStyle: "medium", timeStyle: "short" })}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("batch.eligibility")}</dt>
              <dd>
                {batch.eligibleTiers.map((tier) => tEnums(`tier.${tier}`)).join("、")}；
                {batch.eligibleStatuses.map((status) => tEnums(`status.${status}`)).join("、")}
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
        {draft && data.canEdit ? (
          <IndicatorsEditor batchId={batch.id} initial={batch.indicators.map(({ id: _id, ...indicator }) => indicator)} />
        ) : (
          <DataTable
            variant="inset"
            caption={t("indicators.title")}
            rows={batch.indicators}
            columns={[
              { key: "code", header: t("indicators.cols.code"), cell: (indicator) => indicator.code },
              { key: "name", header: t("indicators.cols.nameZh"), cell: (indicator) => (locale === "en" ? indicator.nameEn : indicator.nameZh) },
              { key: "weight", header: t("indicators.cols.weight"), numeric: true, cell: (indicator) => `${indicator.weight}%` },
              { key: "maxScore", header: t("indicators.cols.maxScore"), numeric: true, cell: (indicator) => indicator.maxScore },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="quota-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="quota-h" className="text-lg font-semibold">
          {t("quotas.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("quotas.hint")}</p>
        {(draft || batch.status === "APPLYING") && data.canEdit ? (
          <QuotasEditor batchId={batch.id} defaultQuota={batch.defaultQuota} quotas={batch.quotas} authorities={data.authorities} />
        ) : (
          <p className="text-sm">
            {t("quotas.summary", { n: batch.defaultQuota })}
            {batch.quotas.length ? `；${batch.quotas.map((quota) => `${authorityName(quota.authorityId)} ${quota.quota}`).join("、")}` : ""}
          </p>
        )}
      </section>

      <section aria-labelledby="apps-h" className="space-y-2">
        <h2 id="apps-h" className="text-lg font-semibold">
          {t("overview.byAuthority")}
        </h2>
        <DataTable
          caption={t("overview.byAuthority")}
          rows={[...byAuthority.entries()]}
          rowKey={([authorityId]) => authorityId}
          empty={t("overview.noApplications")}
          columns={[
            { key: "authority", header: t("common.authority"), rowHeader: true, cell: ([authorityId]) => authorityName(authorityId) },
            ...COUNTED.map((status) => ({
              key: status,
              header: t(`status.application.${status}`),
              numeric: true,
              cell: ([, counts]: [string, Record<string, number>]) => counts[status] ?? 0,
            })),
          ]}
        />
      </section>
    </div>
  );
}
