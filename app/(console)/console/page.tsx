import { getLocale, getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/demo-banner";
import { StatCard } from "@/components/stat-card";
import { loadConsoleHome } from "@/lib/stats/console-loaders";
import { loadInbox } from "@/lib/inbox/loaders";
import { localName } from "@/components/local-name";
import { InboxView } from "./inbox-view";

type Props = { searchParams: Promise<{ authority?: string | string[] }> };

export default async function ConsoleHomePage({ searchParams }: Props) {
  const { authority } = await searchParams;
  const requested = typeof authority === "string" && authority ? authority : undefined;
  const [data, inbox, t, locale] = await Promise.all([loadConsoleHome(requested), loadInbox(requested), getTranslations(), getLocale()]);
  const scope = data.scopeAuthority
    ? t("console.scopeAuthority", { authority: localName(data.scopeAuthority, locale) })
    : data.kind === "expert"
      ? t("console.scopeOwnTasks")
      : data.kind === "duty"
        ? t("console.scopeDuty")
        : t("console.scopeAll");
  const numbers = new Intl.NumberFormat(locale);
  const hasCounts = data.kind === "scoped" || data.kind === "admin";
  return (
    <div className="space-y-6">
      {hasCounts && data.counts.hasDemo ? <DemoBanner text={t("common.demoBanner")} /> : null}
      <div>
        <h1 className="text-2xl font-bold">{t("console.welcome", { name: data.user.displayName })}</h1>
        <p className="text-slate-600" data-testid="scope">
          {scope}
        </p>
      </div>
      <InboxView inbox={inbox} />
      {hasCounts ? (
        <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="home-numbers">
          <StatCard label={t("console.schoolsInScope")} value={numbers.format(data.counts.schools)} />
          <StatCard label={t("console.recordsInScope")} value={numbers.format(data.counts.records)} />
          <StatCard label={t("console.staleRecords")} value={numbers.format(data.counts.stale)} />
          <StatCard label={t("console.majorsInScope")} value={numbers.format(data.counts.majors)} />
          <StatCard label={t("console.designationsActive")} value={numbers.format(data.counts.designations)} />
        </section>
      ) : null}
      {data.kind === "admin" ? (
        <section className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-semibold">{t("console.usersByRole")}</h2>
            <ul className="text-sm">
              {data.roles.map((role) => (
                <li key={role.role}>
                  {t(`enums.role.${role.role}`)}: <span className="tabular-nums">{role.count}</span>
                </li>
              ))}
            </ul>
          </div>
          <StatCard label={t("console.auditLast7Days")} value={numbers.format(data.audit)} />
        </section>
      ) : null}
    </div>
  );
}
