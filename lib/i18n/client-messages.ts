/**
 * What the browser gets of the catalog. The root layout sends none of it — no NextIntlClientProvider
 * there — so the public pages hydrate without next-intl's client: its translator and ICU parser were
 * ~12 kB gzip of every page's script (decision 0093). The error boundary's three texts come through
 * components/route-error-texts.tsx instead.
 *
 * The areas below have client components (forms) that use the catalog: each wraps its pages in a
 * NextIntlClientProvider of its own (its layout.tsx), which sends the whole catalog there. Anywhere
 * else a client component must not use a next-intl hook — without a provider it throws
 * (tests/unit/client-messages.test.ts checks both).
 */
export const FULL_CATALOG_AREAS = [
  "app/(public)/sign-in",
  "app/(public)/notices",
  "app/(public)/data",
  "app/(public)/schools/[id]/report",
  "app/(console)/console/schools/[id]",
  "app/(console)/console/schools/new",
  "app/(console)/console/selection",
  "app/(console)/console/imports",
  "app/(console)/console/accounts",
  "app/(console)/console/account",
  "app/(console)/console/security-policy",
  "app/(console)/console/error-reports",
  "app/(console)/console/campaign",
] as const;
