import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { loadAuthorityBatch } from "@/lib/selection/applications/loaders";
import { StatusBadge } from "../../_components/status-badge";
import { RecommendForm } from "./recommend-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ batchId: string }> };

export default async function AuthorityBatchPage({ params }: Props) {
  const { batchId } = await params;
  const [data, t, tEnums, format, locale] = await Promise.all([
    loadAuthorityBatch(batchId),
    getTranslations("selection"),
    getTranslations("enums"),
    getFormatter(),
    getLocale(),
  ]);
  const { batch } = data;
  const label = (app: (typeof data.apps)[number]) =>
    `${app.school.nameZh}${app.schoolMajor ? ` · ${locale === "en" ? app.schoolMajor.major.nameEn : app.schoolMajor.major.nameZh}` : ""}`;
  const recommendable = data.apps.filter((app) => app.status === "SUBMITTED" || app.status === "RECOMMENDED");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/console/selection/apply" className="text-brand-700 underline">
          {t("apply.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{locale === "en" && batch.nameEn ? batch.nameEn : batch.nameZh}</h1>
        <StatusBadge entity="batch" status={batch.status} />
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">{t("batch.window")}</dt>
          <dd>
            {format.dateTime(batch.windowOpensAt, { dateStyle: "medium", timeStyle: "short" })} –{" "}
            {format.dateTime(batch.windowClosesAt, { dateStyle: "medium", timeStyle: "short" })}
            <span className="ml-1">（{t(`apply.window.${data.window}`)}）</span>
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
          <dt className="text-slate-600">{t("apply.quota")}</dt>
          <dd>{t("apply.quotaUsed", { used: data.used, quota: data.quota })}</dd>
        </div>
      </dl>
      {batch.status === "APPLYING" && data.window === "open" ? (
        <Link
          href={`/console/selection/apply/${batch.id}/new`}
          className="inline-block rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t("apply.new")}
        </Link>
      ) : null}

      <section aria-labelledby="mine-h" className="space-y-2">
        <h2 id="mine-h" className="text-lg font-semibold">
          {t("apply.mine")}
        </h2>
        <DataTable
          caption={t("apply.mine")}
          rows={data.apps}
          empty={t("apply.noApplications")}
          columns={[
            {
              key: "applicant",
              header: t("results.applicant"),
              cell: (app) => (
                <Link href={`/console/selection/applications/${app.id}`} className="text-brand-700 underline">
                  {label(app)}
                </Link>
              ),
            },
            { key: "tier", header: t("common.tier"), cell: (app) => tEnums(`tier.${app.school.tier}`) },
            { key: "status", header: t("batch.status"), cell: (app) => <StatusBadge entity="application" status={app.status} /> },
            { key: "rank", header: t("apply.rank"), numeric: true, cell: (app) => app.provinceRank ?? "—" },
          ]}
        />
      </section>

      {batch.status === "APPLYING" ? (
        <section aria-labelledby="rec-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rec-h" className="text-lg font-semibold">
            {t("recommend.title")}
          </h2>
          <p className="text-sm text-slate-700">{t("recommend.hint", { quota: data.quota })}</p>
          {recommendable.length ? (
            <RecommendForm
              batchId={batch.id}
              quota={data.quota}
              apps={recommendable.map((app) => ({ id: app.id, label: label(app), recommended: app.status === "RECOMMENDED", rank: app.provinceRank }))}
            />
          ) : (
            <p className="text-sm">{t("recommend.none")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
