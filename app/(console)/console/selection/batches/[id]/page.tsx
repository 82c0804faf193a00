import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { cancelBatchAction, finishReviewAction, openBatchAction, startReviewAction } from "@/lib/selection/batches/actions";
import { loadBatchOverview } from "@/lib/selection/batches/loaders";
import { ActionButton } from "../../_components/action-button";
import { BatchForm } from "./batch-form";
import { BatchHeader } from "./batch-header";
import { IndicatorsEditor } from "./indicators-editor";
import { QuotasEditor } from "./quotas-editor";
import { DescriptionList } from "@/components/description-list";
import { localName } from "@/components/local-name";
import { Panel } from "@/components/panel";
import { batchFacts } from "../../_components/batch-facts";

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
    return authority ? localName(authority, locale) : authorityId;
  };
  return (
    <div className="space-y-6">
      <BatchHeader batch={batch} current="overview" />

      <Panel title={t("overview.steps")} intro={t(`overview.statusHint.${batch.status}`)}>
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
      </Panel>

      <Panel plain title={t("overview.settings")}>
        {draft && data.canEdit ? (
          <BatchForm
            mode="edit"
            batchId={batch.id}
            values={{ ...batch, windowOpensAt: data.form.windowOpensAt, windowClosesAt: data.form.windowClosesAt, reviewClosesAt: data.form.reviewClosesAt }}
          />
        ) : (
          <DescriptionList
            layout="tiles"
            className="rounded-lg border border-slate-200 bg-white p-4"
            items={[
              { key: "year", term: t("batch.year"), detail: batch.year },
              { key: "target", term: t("batch.target"), detail: batch.targetCount },
              ...batchFacts(batch, { t, tEnums, format }),
              {
                key: "reviewClosesAt",
                term: t("batch.reviewClosesAt"),
                detail: batch.reviewClosesAt ? format.dateTime(batch.reviewClosesAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
              },
              { key: "noticeDays", term: t("batch.noticeDays"), detail: t("batch.days", { n: batch.noticeDays }) },
              { key: "minExperts", term: t("batch.minExperts"), detail: batch.minExperts },
              { key: "spreadThreshold", term: t("batch.spreadThreshold"), detail: batch.spreadThreshold },
              { key: "cutLine", term: t("batch.cutLine"), detail: batch.cutLine ?? "—" },
            ]}
          />
        )}
      </Panel>

      <Panel title={t("indicators.title")} intro={t("indicators.hint")}>
        {draft && data.canEdit ? (
          <IndicatorsEditor batchId={batch.id} initial={batch.indicators.map(({ id: _id, ...indicator }) => indicator)} />
        ) : (
          <DataTable
            variant="inset"
            caption={t("indicators.title")}
            rows={batch.indicators}
            columns={[
              { key: "code", header: t("indicators.cols.code"), cell: (indicator) => indicator.code },
              { key: "name", header: t("indicators.cols.nameZh"), cell: (indicator) => localName(indicator, locale) },
              { key: "weight", header: t("indicators.cols.weight"), numeric: true, cell: (indicator) => `${indicator.weight}%` },
              { key: "maxScore", header: t("indicators.cols.maxScore"), numeric: true, cell: (indicator) => indicator.maxScore },
            ]}
          />
        )}
      </Panel>

      <Panel title={t("quotas.title")} intro={t("quotas.hint")}>
        {(draft || batch.status === "APPLYING") && data.canEdit ? (
          <QuotasEditor batchId={batch.id} defaultQuota={batch.defaultQuota} quotas={batch.quotas} authorities={data.authorities} />
        ) : (
          <p className="text-sm">
            {t("quotas.summary", { n: batch.defaultQuota })}
            {batch.quotas.length ? `；${batch.quotas.map((quota) => `${authorityName(quota.authorityId)} ${quota.quota}`).join("、")}` : ""}
          </p>
        )}
      </Panel>

      <Panel plain title={t("overview.byAuthority")}>
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
      </Panel>
    </div>
  );
}
