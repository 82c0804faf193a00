import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { verifyTarget } from "@/lib/verify/loaders";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("title"), description: t("indexIntro") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Enter a code (GET ?code=…) and go to its verification page. */
export default async function VerifyIndexPage({ searchParams }: Props) {
  const [sp, t] = await Promise.all([searchParams, getTranslations("verify")]);
  const raw = typeof sp.code === "string" ? sp.code : "";
  const target = raw ? verifyTarget(raw) : null;
  if (target) redirect(target);
  const bad = Boolean(raw) || Array.isArray(sp.code);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("indexIntro")}</p>
      <form method="get" action="/verify" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <label htmlFor="verify-code" className="block font-medium">
          {t("codeLabel")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="verify-code"
            name="code"
            defaultValue={raw.slice(0, 32)}
            maxLength={32}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={bad ? "verify-code-hint verify-code-error" : "verify-code-hint"}
            aria-invalid={bad || undefined}
            className="block w-full rounded border border-slate-400 px-3 py-2 font-mono text-lg uppercase"
          />
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
            {t("submit")}
          </button>
        </div>
        <p id="verify-code-hint" className="text-sm text-slate-600">
          {t("codeHint")}
        </p>
        {bad ? (
          <p id="verify-code-error" role="alert" className="text-sm font-medium text-rose-800">
            {t("malformed")}
          </p>
        ) : null}
      </form>
    </div>
  );
}
