import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CodeLookupForm } from "@/components/code-lookup-form";
import { verifyTarget } from "@/lib/verify/loaders";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("title"), description: t("indexIntro") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Enter a code (GET ?code=…) and go to its verification page. */
export default async function VerifyIndexPage({ searchParams }: Props) {
  const [query, t] = await Promise.all([searchParams, getTranslations("verify")]);
  const raw = typeof query.code === "string" ? query.code : "";
  const target = raw ? verifyTarget(raw) : null;
  if (target) redirect(target);
  const bad = Boolean(raw) || Array.isArray(query.code);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("indexIntro")}</p>
      <CodeLookupForm
        action="/verify"
        id="verify-code"
        label={t("codeLabel")}
        value={raw}
        hint={t("codeHint")}
        error={bad ? t("malformed") : undefined}
        submit={t("submit")}
      />
    </div>
  );
}
