import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/button";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { closeCampaignAction, openCampaignAction } from "@/lib/campaigns/actions";
import { loadCampaign } from "@/lib/campaigns/loaders";
import { shanghaiToday, ymd } from "@/lib/kernel/dates";
import { ActionForm } from "../selection/_components/action-form";
import { BulkConfirm } from "./bulk-confirm";
import { CampaignProgress } from "./campaign-progress";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

/** 年度核验: the campaign's progress by province, the ministry's open/close, the officer's list to confirm. */
export default async function CampaignPage() {
  const { campaign, ended, progress, pending, canOpen, canConfirm } = await loadCampaign();
  const t = await getTranslations("campaigns");
  const deadline = campaign ? ymd(campaign.deadline)! : "";
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          campaign ? (
            <ButtonLink href="/console/campaign/report" variant="secondary" size="sm">
              {t("download")}
            </ButtonLink>
          ) : null
        }
      />
      {campaign ? <CampaignProgress standing={{ campaign, ended, progress }} /> : <Notice tone="info">{t("none")}</Notice>}
      {canConfirm && campaign && !ended ? (
        <Panel title={t("toConfirm", { count: pending.length, deadline })} intro={t("toConfirmIntro")}>
          {pending.length ? (
            <BulkConfirm
              rows={pending.map((record) => ({ id: record.id, version: record.version, label: `${record.nameZh}（${record.publicCode}）` }))}
              labels={{ legend: t("legend"), hint: t("hint"), all: t("all"), submit: t("submit"), working: t("working"), done: t("done") }}
            />
          ) : (
            <Notice tone="success">{t("allConfirmed")}</Notice>
          )}
        </Panel>
      ) : null}
      {canOpen && campaign && !ended ? (
        <Panel title={t("close.title")} intro={t("close.intro")}>
          <ActionForm
            action={closeCampaignAction}
            hidden={{ campaignId: campaign.id }}
            fields={[]}
            submitLabel={t("close.submit")}
            confirm={{ title: t("close.confirmTitle"), body: t("close.confirmBody") }}
            testId="close-campaign"
          />
        </Panel>
      ) : null}
      {canOpen && (!campaign || ended) ? (
        <Panel title={t("open.title")} intro={t("open.intro")}>
          <ActionForm
            action={openCampaignAction}
            hidden={{}}
            fields={[
              { name: "year", label: t("open.year"), type: "number", required: true, defaultValue: shanghaiToday().slice(0, 4) },
              { name: "deadline", label: t("open.deadline"), type: "date", required: true },
            ]}
            submitLabel={t("open.submit")}
            confirm={{ title: t("open.confirmTitle"), body: t("open.confirmBody") }}
            testId="open-campaign"
          />
        </Panel>
      ) : null}
    </div>
  );
}
