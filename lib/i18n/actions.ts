"use server";

import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./config";

/** The language switch: remembers the choice for a year. */
export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return { ok: false as const, code: "VALIDATION" as const };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return { ok: true as const };
}
