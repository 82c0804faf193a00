import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DemoBanner } from "@/components/demo-banner";
import { StatCard } from "@/components/stat-card";
import { TIERS } from "@/lib/kernel/enums";
import { loadNationalOverview } from "@/lib/stats/loaders";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale(), loadNationalOverview()]);
  const numbers = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-6">
      {data.demo ? <DemoBanner text={t("common.demoBanner")} /> : null}
      <PageHeader title={t("home.title")} intro={t("home.intro")} />
      <section aria-label={t("home.byTier")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("home.totalSchools")} value={numbers.format(data.total)} />
        {TIERS.map((tier) => (
          <StatCard key={tier} label={t(`enums.tier.${tier}`)} value={numbers.format(data.byTier[tier])} />
        ))}
      </section>
      <Panel plain title={t("home.byAuthority")}>
        <DataTable
          showCaption
          caption={t("home.operatingOnly")}
          rows={data.rows}
          rowKey={(row) => row.authority.nameZh}
          columns={[
            { key: "authority", header: t("home.authority"), rowHeader: true, cell: (row) => localName(row.authority, locale) },
            ...TIERS.map((tier) => ({
              key: tier,
              header: t(`enums.tier.${tier}`),
              numeric: true,
              cell: (row: (typeof data.rows)[number]) => numbers.format(row[tier]),
            })),
            { key: "total", header: t("common.total"), numeric: true, cell: (row) => numbers.format(row.total) },
          ]}
        />
      </Panel>
    </div>
  );
}
