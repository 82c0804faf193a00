"use client";

import { useRouteErrorTexts } from "@/components/route-error-texts";

/**
 * A page that failed to render. While PostgreSQL is down, proxy.ts answers 503 before any page
 * renders; this boundary covers a request already in flight when the database went away. It shows
 * no error detail (production hides it anyway) — only what to do next.
 */
export default function RouteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useRouteErrorTexts();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <div role="alert">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="mt-2 text-slate-700">{t.body}</p>
      </div>
      <button type="button" onClick={() => reset()} className="mt-4 text-brand-700 underline">
        {t.retry}
      </button>
    </main>
  );
}
