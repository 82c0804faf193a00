"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The three texts of app/error.tsx, in the request's language. */
export type RouteErrorTexts = { title: string; body: string; retry: string };

const Texts = createContext<RouteErrorTexts | null>(null);

/**
 * The root layout hands the error boundary its texts through this context instead of a
 * NextIntlClientProvider: the boundary is the only client component outside the areas with
 * their own provider that needs words, and the provider put next-intl's translator with its
 * ICU parser (~12 kB gzip) into every page's hydration (lib/i18n/client-messages.ts).
 */
export function RouteErrorTextsProvider({ texts, children }: { texts: RouteErrorTexts; children?: ReactNode }) {
  return <Texts.Provider value={texts}>{children}</Texts.Provider>;
}

export function useRouteErrorTexts(): RouteErrorTexts {
  const texts = useContext(Texts);
  if (!texts) throw new Error("useRouteErrorTexts outside RouteErrorTextsProvider (app/layout.tsx)");
  return texts;
}
