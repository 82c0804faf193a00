import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { localName } from "@/components/local-name";
import { Panel } from "@/components/panel";
import type { CampaignStanding } from "@/lib/campaigns/loaders";
import { ymd } from "@/lib/kernel/dates";

/** The annual confirmation's progress by province: on the campaign page and on the data-quality page. */
export async function CampaignProgress({ standing, link }: { standing: CampaignStanding; link?: boolean }) {
  const { campaign, ended, progress } = standing;
  if (!campaign) return null;
  const [t, locale] = await Promise.all([getTranslations("campaigns"), getLocale()]);
  return (
    <Panel
      title={t("campaignOf", { year: campaign.year })}
      intro={t(ended ? "ended" : "running", { deadline: ymd(campaign.deadline)! })}
      testId="campaign-progress"
    >
      <DataTable
        caption={t("progressCaption")}
        testId="campaign-progress-table"
        rows={progress}
        empty={t("noRecords")}
        rowProps={(row) => ({ "data-testid": `progress-${row.id}` })}
        columns={[
          { key: "authority", header: t("authority"), rowHeader: true, cell: (row) => localName(row, locale) },
          { key: "confirmed", header: t("confirmed"), cell: (row) => row.confirmed },
          { key: "total", header: t("total"), cell: (row) => row.total },
          { key: "share", header: t("share"), cell: (row) => `${Math.floor((row.confirmed * 100) / row.total)}%` },
        ]}
      />
      {link ? (
        <Link href="/console/campaign" className="inline-block text-sm underline">
          {t("pageLink")}
        </Link>
      ) : null}
    </Panel>
  );
}
