import { REGISTRY_TIME_ZONE } from "@/lib/kernel/dates";
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";
/** Dates are always shown in China's time zone, whatever the server's. */
export const timeZone = REGISTRY_TIME_ZONE;

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (locales as readonly string[]).includes(v);
}
