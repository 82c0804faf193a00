import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CALLBACK_PARAM, safeCallback } from "@/lib/auth/callback";
import { currentUser } from "@/lib/auth/gates";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

type Props = { searchParams: Promise<{ [CALLBACK_PARAM]?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  // Where to go afterwards: a console path only (lib/auth/callback.ts), else the role's first page.
  const callback = safeCallback((await searchParams)[CALLBACK_PARAM]);
  if (await currentUser()) redirect(callback ?? "/console");
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-bold">{t("signInTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("signInHint")}</p>
      <SignInForm callback={callback} />
    </div>
  );
}
