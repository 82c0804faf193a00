import { getLocale, getTranslations } from "next-intl/server";
import { localName } from "@/components/local-name";
import { exportQualityRoute } from "@/lib/quality/export";

export const dynamic = "force-dynamic";

/** GET /console/quality/export?authority=: the data-quality page's numbers as .xlsx (lib/quality/export.ts). */
export async function GET(request: Request) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return exportQualityRoute(
    request,
    (key, params) => t(key, params),
    (n) => localName(n, locale),
  );
}
