import { getTranslations } from "next-intl/server";
import { shanghaiToday } from "@/lib/kernel/dates";
import { loadTierPage } from "@/lib/school-changes/loaders";
import { ChangePage } from "../status/change-page";
import { TierForm } from "./tier-form";

type Props = { params: Promise<{ id: string }> };

export default async function SchoolTierPage({ params }: Props) {
  const { id } = await params;
  const [data, t, tEnums] = await Promise.all([loadTierPage(id), getTranslations("lifecycle"), getTranslations("enums")]);
  const { school } = data;
  return (
    <ChangePage
      school={school}
      active="tier"
      title={t("tier.title")}
      facts={[
        { term: t("tier.current"), detail: tEnums(`tier.${school.tier}`), testId: "current-tier" },
        { term: t("tier.since"), detail: school.tierSince ?? t("unknownDate") },
        { term: t("tier.currentApproval"), detail: [school.approvalDocNo, school.approvalDate].filter(Boolean).join("，") || t("unknownDate") },
      ]}
      refusal={data.terminal ? t("terminalNotice", { status: tEnums(`status.${school.status}`) }) : null}
      form={<TierForm school={{ id: school.id, version: school.version }} targets={data.targets} today={shanghaiToday()} />}
      historyTitle={t("tier.history")}
      changes={data.changes}
    />
  );
}
