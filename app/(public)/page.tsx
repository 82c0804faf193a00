import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DemoBanner } from "@/components/demo-banner";
import { StatCard } from "@/components/stat-card";
import { TIERS } from "@/lib/kernel/enums";
import { loadNationalOverview } from "@/lib/stats/loaders";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale(), loadNationalOverview()]);
  const numbers = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-6">
      {data.demo ? <DemoBanner text={t("common.demoBanner")} /> : null}
      <section aria-labelledby="home-title" className="space-y-2">
        <h1 id="home-title" className="text-2xl font-bold">
          {t("home.title")}
        </h1>
        <p className="max-w-3xl text-slate-700">{t("home.intro")}</p>
      </section>
      <section aria-label={t("home.byTier")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("home.totalSchools")} value={numbers.format(data.total)} />
        {TIERS.map((tier) => (
          <StatCard key={tier} label={t(`enums.tier.${tier}`)} value={numbers.format(data.byTier[tier])} />
        ))}
      </section>
      <section aria-labelledby="by-authority">
        <h2 id="by-authority" className="mb-2 text-xl font-semibold">
          {t("home.byAuthority")}
        </h2>
        <DataTable
          showCaption
          caption={t("home.operatingOnly")}
          rows={data.rows}
          rowKey={(row) => row.authority.nameZh}
          columns={[
            { key: "authority", header: t("home.authority"), rowHeader: true, cell: (row) => (locale === "en" ? row.authority.nameEn : row.authority.nameZh) },
            ...TIERS.map((tier) => ({
              key: tier,
              header: t(`enums.tier.${tier}`),
              numeric: true,
              cell: (row: (typeof data.rows)[number]) => numbers.format(row[tier]),
            })),
            { key: "total", header: t("common.total"), numeric: true, cell: (row) => numbers.format(row.total) },
          ]}
        />
      </section>
    </div>
  );
}
