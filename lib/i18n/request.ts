import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./catalog";
import { defaultLocale, isLocale, timeZone } from "./config";

/** The locale comes from the `locale` cookie set by the language switch; Chinese by default. */
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get("locale")?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  return { locale, timeZone, messages: loadMessages(locale) };
});
