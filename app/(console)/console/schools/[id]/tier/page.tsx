import { getTranslations } from "next-intl/server";
import { loadTierPage } from "@/lib/school-changes/loaders";
import { shanghaiToday } from "@/lib/kernel/dates";
import { ChangeHeader } from "../status/change-header";
import { ChangeList } from "../status/change-list";
import { TierForm } from "./tier-form";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolTierPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadTierPage(id), getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  return (
    <div className="space-y-6">
      <ChangeHeader school={school} active="tier" title={t("tier.title")} />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t("tier.current")}</dt>
        <dd data-testid="current-tier">{tEnums(`tier.${school.tier}`)}</dd>
        <dt className="text-slate-600">{t("tier.since")}</dt>
        <dd>{school.tierSince ?? t("unknownDate")}</dd>
        <dt className="text-slate-600">{t("tier.currentApproval")}</dt>
        <dd>{[school.approvalDocNo, school.approvalDate].filter(Boolean).join("，") || t("unknownDate")}</dd>
      </dl>
      {data.terminal ? (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 p-3">
          {t("terminalNotice", { status: tEnums(`status.${school.status}`) })}
        </p>
      ) : (
        <TierForm school={{ id: school.id, version: school.version }} targets={data.targets} today={shanghaiToday()} />
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("tier.history")}</h2>
        <ChangeList caption={t("tier.history")} changes={data.changes} />
      </section>
    </div>
  );
}
