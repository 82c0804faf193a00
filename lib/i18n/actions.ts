"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { LOCALE_COOKIE, locales } from "./config";

// A cookie, no database: no transaction.
const setLocale = defineAction({
  policy: "setLocaleAction",
  input: z.object({ locale: z.enum(locales) }),
  transaction: false,
  run: async (_ctx, { locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  },
});

/** The language switch: remembers the choice for a year. Called with the locale itself (components/language-switch.tsx). */
export async function setLocaleAction(locale: string) {
  return setLocale({ locale });
}
