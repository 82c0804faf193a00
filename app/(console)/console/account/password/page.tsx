import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPasswordPage } from "@/lib/accounts/loaders";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("password.title") };
}

/** The only console page open while a password change is due (new account or reset). */
export default async function PasswordPage() {
  const data = await loadPasswordPage();
  const t = await getTranslations("accounts.password");
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {data.mustChange ? (
        <p role="status" data-testid="must-change" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          {t("mustChange")}
        </p>
      ) : null}
      <p id="password-rules" className="text-sm text-slate-600">
        {t("rules", { min: data.minLength, classes: data.minClasses })}
      </p>
      <PasswordForm username={data.username} />
      <p className="text-sm text-slate-600">{t("otherSessions")}</p>
    </div>
  );
}
