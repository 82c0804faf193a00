import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPasswordPage } from "@/lib/accounts/loaders";
import { PasswordForm } from "./password-form";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("password.title") };
}

/** The only console page open while a password change is due (new account or reset). */
export default async function PasswordPage() {
  const data = await loadPasswordPage();
  const t = await getTranslations("accounts.password");
  return (
    <div className="max-w-md space-y-4">
      <PageHeader title={t("title")} />
      {data.mustChange ? (
        <Notice tone="warning" role="status" testId="must-change">
          {t("mustChange")}
        </Notice>
      ) : null}
      <p id="password-rules" className="text-sm text-slate-600">
        {t("rules", { min: data.minLength, classes: data.minClasses })}
      </p>
      <PasswordForm username={data.username} />
      <p className="text-sm text-slate-600">{t("otherSessions")}</p>
    </div>
  );
}
