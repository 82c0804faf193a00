// use-intl/core is next-intl's own React-free core (next-intl re-exports it): importing it directly
// keeps this module usable from scripts (npm run opendata:release), outside React.
import { createTranslator } from "use-intl/core";
import { loadMessages, type Messages } from "@/lib/i18n/catalog";
import { timeZone, type Locale } from "@/lib/i18n/config";

/**
 * Translators for text the open-data API, feeds and releases produce outside a page render
 * (error messages, feed titles, changelog Markdown). Same catalogs as the pages.
 */
export type ApiTranslator = (key: string, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): ApiTranslator {
  // A missing key falls back to the key itself (callers check for that), without console noise.
  const t = createTranslator({ locale, timeZone, messages: loadMessages(locale) as Messages, onError: () => {} });
  return (key, values) => t(key as never, values as never);
}

/**
 * The API speaks English unless the client prefers Chinese (Accept-Language: zh…): developers
 * abroad read the errors as often as those at home.
 */
export function apiLocale(req: Request): Locale {
  const header = req.headers.get("accept-language") ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("zh") ? "zh-CN" : "en";
}
