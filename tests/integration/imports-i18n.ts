import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalog";

/**
 * A translator like the app's, for tests that mock next-intl/server's getTranslations (this file
 * must not import app modules that import next-intl/server: the mock factory loads it).
 */
export function translatorFor(namespace: string, locale: "zh-CN" | "en" = "zh-CN") {
  return createTranslator({ locale, messages: loadMessages(locale) as never, namespace: namespace as never }) as unknown as (
    key: string,
    params?: Record<string, unknown>,
  ) => string;
}
