import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/button";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { formatShanghai } from "@/lib/kernel/dates";
import { loadQuality } from "@/lib/quality/loaders";
import { CampaignProgress } from "../campaign/campaign-progress";
import { QualityTables } from "./quality-tables";

type Props = { searchParams: Promise<{ authority?: string | string[] }> };

/** Data quality (issue 13, item 2): per authority, or every authority side by side for the ministry. */
export default async function QualityPage({ searchParams }: Props) {
  const { authority } = await searchParams;
  const requested = typeof authority === "string" && authority ? authority : undefined;
  const [data, t, locale] = await Promise.all([loadQuality(requested), getTranslations("quality"), getLocale()]);
  const one = data.scopeAuthority ? data.rows.find((row) => row.id === data.scopeAuthority) : undefined;
  const query = requested ? `?authority=${encodeURIComponent(requested)}` : "";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        back={requested && data.rows.length === 1 ? { href: "/console/quality", label: t("showAll") } : undefined}
        actions={
          <a href={`/console/quality/export${query}`} className={buttonClass({ variant: "secondary", size: "xs" })} data-testid="quality-export">
            {t("export")}
          </a>
        }
        intro={
          <>
            <span data-testid="quality-scope">{one ? t("scopeAuthority", { authority: localName(one, locale) }) : t("scopeAll")}</span>
            {" · "}
            {t("asOf", { at: formatShanghai(data.asOf, locale) })}
            <br />
            {t("intro")}
          </>
        }
      />
      <CampaignProgress standing={data.campaign} link />
      <QualityTables data={data} />
    </div>
  );
}
