import { getLocale, getTranslations } from "next-intl/server";
import { localName } from "@/components/local-name";
import { campaignReportRoute } from "@/lib/campaigns/export";

export const dynamic = "force-dynamic";

/** GET /console/campaign/report: the annual confirmation's report as .xlsx (lib/campaigns/export.ts). */
export async function GET() {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return campaignReportRoute(
    (key) => t(key),
    (n) => localName(n, locale),
  );
}
