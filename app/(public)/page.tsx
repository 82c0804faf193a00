import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DemoBanner } from "@/components/demo-banner";
import { StatCard } from "@/components/stat-card";
import { loadNationalOverview } from "@/lib/stats/loaders";

export const dynamic = "force-dynamic";

const TIERS = ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"] as const;

export default async function HomePage() {
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale(), loadNationalOverview()]);
  const fmt = new Intl.NumberFormat(locale);
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
        <StatCard label={t("home.totalSchools")} value={fmt.format(data.total)} />
        {TIERS.map((tier) => (
          <StatCard key={tier} label={t(`enums.tier.${tier}`)} value={fmt.format(data.byTier[tier])} />
        ))}
      </section>
      <section aria-labelledby="by-authority">
        <h2 id="by-authority" className="mb-2 text-xl font-semibold">
          {t("home.byAuthority")}
        </h2>
        <DataTable
          caption={t("home.operatingOnly")}
          headers={[t("home.authority"), ...TIERS.map((x) => t(`enums.tier.${x}`)), t("common.total")]}
          numericColumns={[1, 2, 3, 4]}
          rows={data.rows.map((r) => [
            locale === "en" ? r.authority.nameEn : r.authority.nameZh,
            fmt.format(r.TECHNICIAN_COLLEGE),
            fmt.format(r.SENIOR_TECHNICAL_SCHOOL),
            fmt.format(r.TECHNICAL_SCHOOL),
            fmt.format(r.total),
          ])}
        />
      </section>
    </div>
  );
}
