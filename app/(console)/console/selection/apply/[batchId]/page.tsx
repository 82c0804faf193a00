import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { loadAuthorityBatch } from "@/lib/selection/applications/loaders";
import { StatusBadge } from "../../_components/status-badge";
import { RecommendForm } from "./recommend-form";
import { ButtonLink } from "@/components/button";
import { DescriptionList } from "@/components/description-list";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { applicationLabel } from "@/components/selection/application-label";
import { batchFacts } from "../../_components/batch-facts";

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
  const recommendable = data.apps.filter((app) => app.status === "SUBMITTED" || app.status === "RECOMMENDED");
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/console/selection/apply", label: t("apply.title") }}
        title={localName(batch, locale)}
        badges={<StatusBadge entity="batch" status={batch.status} />}
      />
      <DescriptionList
        layout="tiles"
        items={[
          ...batchFacts(batch, { t, tEnums, format }, t(`apply.window.${data.window}`)),
          { key: "quota", term: t("apply.quota"), detail: t("apply.quotaUsed", { used: data.used, quota: data.quota }) },
        ]}
      />
      {batch.status === "APPLYING" && data.window === "open" ? (
        <ButtonLink href={`/console/selection/apply/${batch.id}/new`} size="sm">
          {t("apply.new")}
        </ButtonLink>
      ) : null}

      <Panel plain title={t("apply.mine")}>
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
                  {applicationLabel(app, locale)}
                </Link>
              ),
            },
            { key: "tier", header: t("common.tier"), cell: (app) => tEnums(`tier.${app.school.tier}`) },
            { key: "status", header: t("batch.status"), cell: (app) => <StatusBadge entity="application" status={app.status} /> },
            { key: "rank", header: t("apply.rank"), numeric: true, cell: (app) => app.provinceRank ?? "—" },
          ]}
        />
      </Panel>

      {batch.status === "APPLYING" ? (
        <Panel title={t("recommend.title")} intro={t("recommend.hint", { quota: data.quota })}>
          {recommendable.length ? (
            <RecommendForm
              batchId={batch.id}
              quota={data.quota}
              apps={recommendable.map((app) => ({
                id: app.id,
                label: applicationLabel(app, locale),
                recommended: app.status === "RECOMMENDED",
                rank: app.provinceRank,
              }))}
            />
          ) : (
            <p className="text-sm">{t("recommend.none")}</p>
          )}
        </Panel>
      ) : null}
    </div>
  );
}
