import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalog";

/**
 * A translator like the app's, for tests that mock next-intl/server's getTranslations with this
 * module: `vi.mock("next-intl/server", () => import("./imports-i18n"))` (so this file must not
 * import app modules that import next-intl/server).
 */
export function translatorFor(namespace: string, locale: "zh-CN" | "en" = "zh-CN") {
  return createTranslator({ locale, messages: loadMessages(locale) as never, namespace: namespace as never }) as unknown as (
    key: string,
    params?: Record<string, unknown>,
  ) => string;
}

/** next-intl/server as the mock answers it: Chinese messages. */
export const getTranslations = async (namespace: string) => translatorFor(namespace);
export const getLocale = async () => "zh-CN";
