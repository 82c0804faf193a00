import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BarChart, type BarSeries } from "@/components/bar-chart";
import { DataTable } from "@/components/data-table";
import { StatCard } from "@/components/stat-card";
import type { loadProgress } from "@/lib/progress/loaders";
import { percentOf } from "@/lib/progress/summary";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

/**
 * Progress toward the programme's 300 quality schools and 500 quality majors: overall, per
 * batch, per authority and per tier — each as a chart with its table. Shared by the public page
 * and the ministry dashboard, so it lives in components/ (the only place both sides share code);
 * it knows the progress domain but loads nothing: each page passes the figures it loaded.
 */
export async function ProgressView({ data }: { data: Awaited<ReturnType<typeof loadProgress>> }) {
  const [t, tEnums, tSelection, format, locale] = await Promise.all([
    getTranslations("progress"),
    getTranslations("enums"),
    getTranslations("selection"),
    getFormatter(),
    getLocale(),
  ]);
  const series: BarSeries[] = [
    { name: t("announced"), fillClass: "fill-brand-700", swatchClass: "bg-brand-700" },
    { name: t("inProcess"), fillClass: "fill-sky-300", swatchClass: "bg-sky-300" },
  ];
  const name = (record: { nameZh: string; nameEn: string }) => localName(record, locale);
  const authorities = data.byAuthority.filter(
    (authority) => authority.schools.announced + authority.schools.inProcess + authority.majors.announced + authority.majors.inProcess > 0,
  );
  return (
    <div className="space-y-8">
      <Panel title={t("overall")} plain>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard
            label={t("schoolsAnnounced")}
            value={`${data.schools.announced} / ${data.schools.target}`}
            hint={t("percent", { p: percentOf(data.schools.announced, data.schools.target) })}
          />
          <StatCard label={t("schoolsInProcess")} value={data.schools.inProcess} />
          <StatCard
            label={t("majorsAnnounced")}
            value={`${data.majors.announced} / ${data.majors.target}`}
            hint={t("percent", { p: percentOf(data.majors.announced, data.majors.target) })}
          />
          <StatCard label={t("majorsInProcess")} value={data.majors.inProcess} />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            title={t("schoolsChart")}
            summary={t("chartSummary", { announced: data.schools.announced, inProcess: data.schools.inProcess, target: data.schools.target })}
            series={series}
            rows={[{ label: t("schools"), values: [data.schools.announced, data.schools.inProcess] }]}
            target={{ value: data.schools.target, label: t("target", { n: data.schools.target }) }}
            tableCaption={t("schoolsChart")}
            labelHeader={t("kind")}
            totalHeader={t("total")}
          />
          <BarChart
            title={t("majorsChart")}
            summary={t("chartSummary", { announced: data.majors.announced, inProcess: data.majors.inProcess, target: data.majors.target })}
            series={series}
            rows={[{ label: t("majors"), values: [data.majors.announced, data.majors.inProcess] }]}
            target={{ value: data.majors.target, label: t("target", { n: data.majors.target }) }}
            tableCaption={t("majorsChart")}
            labelHeader={t("kind")}
            totalHeader={t("total")}
          />
        </div>
      </Panel>

      <Panel title={t("byBatch")} plain>
        <DataTable
          caption={t("byBatch")}
          rows={data.byBatch}
          rowProps={(batch) => ({ "data-testid": `progress-batch-${batch.id}` })}
          empty={t("noBatches")}
          columns={[
            { key: "batch", header: t("batch"), rowHeader: true, cell: (batch) => localName(batch, locale) },
            { key: "kind", header: t("kind"), cell: (batch) => tSelection(`kind.${batch.kind}`) },
            { key: "stage", header: t("stage"), cell: (batch) => tSelection(`status.batch.${batch.status}`) },
            { key: "target", header: t("batchTarget"), numeric: true, cell: (batch) => batch.target },
            { key: "announced", header: t("announced"), numeric: true, cell: (batch) => batch.announced },
            { key: "inProcess", header: t("inProcess"), numeric: true, cell: (batch) => batch.inProcess },
          ]}
        />
      </Panel>

      <Panel title={t("byTier")} plain className="grid gap-4 lg:grid-cols-2">
        {(["schools", "majors"] as const).map((count) => (
          <BarChart
            key={count}
            title={t(`byTierOf.${count}`)}
            summary={data.byTier.map((row) => `${tEnums(`tier.${row.tier}`)} ${row[count].announced} + ${row[count].inProcess}`).join("；")}
            series={series}
            rows={data.byTier.map((row) => ({ label: tEnums(`tier.${row.tier}`), values: [row[count].announced, row[count].inProcess] }))}
            tableCaption={t(`byTierOf.${count}`)}
            labelHeader={t("tier")}
            totalHeader={t("total")}
          />
        ))}
      </Panel>

      <Panel title={t("byAuthority")} plain>
        {authorities.length === 0 ? (
          <p>{t("noneYet")}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {(["schools", "majors"] as const).map((count) => (
              <BarChart
                key={count}
                title={t(`byAuthorityOf.${count}`)}
                summary={t("authoritySummary", { n: authorities.filter((authority) => authority[count].announced > 0).length })}
                series={series}
                rows={authorities.map((authority) => ({ label: name(authority), values: [authority[count].announced, authority[count].inProcess] }))}
                tableCaption={t(`byAuthorityOf.${count}`)}
                labelHeader={t("authority")}
                totalHeader={t("total")}
              />
            ))}
          </div>
        )}
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium">{t("allAuthorities")}</summary>
          <DataTable
            variant="inset"
            caption={t("allAuthorities")}
            rows={data.byAuthority}
            rowKey={(authority) => authority.authorityId}
            columns={[
              { key: "authority", header: t("authority"), rowHeader: true, cell: name },
              { key: "schoolsAnnounced", header: t("schoolsAnnounced"), numeric: true, cell: (authority) => authority.schools.announced },
              { key: "schoolsInProcess", header: t("schoolsInProcess"), numeric: true, cell: (authority) => authority.schools.inProcess },
              { key: "majorsAnnounced", header: t("majorsAnnounced"), numeric: true, cell: (authority) => authority.majors.announced },
              { key: "majorsInProcess", header: t("majorsInProcess"), numeric: true, cell: (authority) => authority.majors.inProcess },
            ]}
          />
        </details>
      </Panel>
      <p className="text-xs text-slate-600">{t("asOf", { at: format.dateTime(new Date(data.asOf), { dateStyle: "medium", timeStyle: "medium" }) })}</p>
    </div>
  );
}
