import { NextIntlClientProvider } from "next-intl";

/** Its client components (forms) use more of the catalog than the root layout sends: all of it here (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
