import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadSecurityPolicy } from "@/lib/accounts/loaders";
import { POLICY_FIELDS } from "@/lib/accounts/policy";
import { PolicyForm } from "./policy-form";
import { PageHeader } from "@/components/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("policy.title") };
}

export default async function SecurityPolicyPage() {
  const policy = await loadSecurityPolicy();
  const [t, format] = await Promise.all([getTranslations("accounts.policy"), getFormatter()]);
  const values = Object.fromEntries(POLICY_FIELDS.map((field) => [field, policy[field]])) as Record<(typeof POLICY_FIELDS)[number], number>;
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader
        title={t("title")}
        intro={
          <>
            <p>{t("intro")}</p>
            <p className="text-sm text-slate-600">
              {policy.updatedAt ? t("updatedAt", { time: format.dateTime(policy.updatedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("neverSaved")}
            </p>
          </>
        }
      />
      <PolicyForm values={values} />
    </div>
  );
}
