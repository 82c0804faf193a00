import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BarChart, type BarSeries } from "@/components/bar-chart";
import { StatCard } from "@/components/stat-card";
import type { loadProgress } from "@/lib/progress/loaders";
import { percentOf } from "@/lib/progress/summary";

/**
 * Progress toward the programme's 300 quality schools and 500 quality majors: overall, per
 * batch, per authority and per tier — each as a chart with its table. Shared by the public page
 * and the ministry dashboard, so it lives in components/ (the only place both sides share code);
 * it knows the progress domain but loads nothing: each page passes the figures it loaded.
 */
export async function ProgressView({ data }: { data: Awaited<ReturnType<typeof loadProgress>> }) {
  const [t, te, ts, f, locale] = await Promise.all([
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
  const name = (a: { nameZh: string; nameEn: string }) => (locale === "en" ? a.nameEn : a.nameZh);
  const authorities = data.byAuthority.filter((a) => a.schools.announced + a.schools.inProcess + a.majors.announced + a.majors.inProcess > 0);
  return (
    <div className="space-y-8">
      <section aria-labelledby="overall-h" className="space-y-3">
        <h2 id="overall-h" className="text-xl font-semibold">
          {t("overall")}
        </h2>
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
      </section>

      <section aria-labelledby="batch-h" className="space-y-3">
        <h2 id="batch-h" className="text-xl font-semibold">
          {t("byBatch")}
        </h2>
        {data.byBatch.length === 0 ? (
          <p>{t("noBatches")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("byBatch")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("batch")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("kind")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    {t("stage")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("batchTarget")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("announced")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("inProcess")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byBatch.map((b) => (
                  <tr key={b.id} className="border-t border-slate-100" data-testid={`progress-batch-${b.id}`}>
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {locale === "en" && b.nameEn ? b.nameEn : b.nameZh}
                    </th>
                    <td className="px-3 py-1.5">{ts(`kind.${b.kind}`)}</td>
                    <td className="px-3 py-1.5">{ts(`status.batch.${b.status}`)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{b.target}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{b.announced}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{b.inProcess}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="tier-h" className="grid gap-4 lg:grid-cols-2">
        <h2 id="tier-h" className="text-xl font-semibold lg:col-span-2">
          {t("byTier")}
        </h2>
        {(["schools", "majors"] as const).map((k) => (
          <BarChart
            key={k}
            title={t(`byTierOf.${k}`)}
            summary={data.byTier.map((r) => `${te(`tier.${r.tier}`)} ${r[k].announced} + ${r[k].inProcess}`).join("；")}
            series={series}
            rows={data.byTier.map((r) => ({ label: te(`tier.${r.tier}`), values: [r[k].announced, r[k].inProcess] }))}
            tableCaption={t(`byTierOf.${k}`)}
            labelHeader={t("tier")}
            totalHeader={t("total")}
          />
        ))}
      </section>

      <section aria-labelledby="auth-h" className="space-y-3">
        <h2 id="auth-h" className="text-xl font-semibold">
          {t("byAuthority")}
        </h2>
        {authorities.length === 0 ? (
          <p>{t("noneYet")}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {(["schools", "majors"] as const).map((k) => (
              <BarChart
                key={k}
                title={t(`byAuthorityOf.${k}`)}
                summary={t("authoritySummary", { n: authorities.filter((a) => a[k].announced > 0).length })}
                series={series}
                rows={authorities.map((a) => ({ label: name(a), values: [a[k].announced, a[k].inProcess] }))}
                tableCaption={t(`byAuthorityOf.${k}`)}
                labelHeader={t("authority")}
                totalHeader={t("total")}
              />
            ))}
          </div>
        )}
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium">{t("allAuthorities")}</summary>
          <table className="mt-2 min-w-full text-sm">
            <caption className="sr-only">{t("allAuthorities")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  {t("authority")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("schoolsAnnounced")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("schoolsInProcess")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("majorsAnnounced")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("majorsInProcess")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.byAuthority.map((a) => (
                <tr key={a.authorityId} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {name(a)}
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">{a.schools.announced}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{a.schools.inProcess}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{a.majors.announced}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{a.majors.inProcess}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <p className="text-xs text-slate-600">{t("asOf", { at: f.dateTime(new Date(data.asOf), { dateStyle: "medium", timeStyle: "medium" }) })}</p>
    </div>
  );
}
