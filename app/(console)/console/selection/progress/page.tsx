import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadProgressDashboard } from "@/lib/progress/loaders";
import { ProgressView } from "@/components/progress/progress-view";

export const dynamic = "force-dynamic";

/** The ministry dashboard: the same live figures as the public page, inside the console. */
export default async function ProgressDashboardPage() {
  const [data, t] = await Promise.all([loadProgressDashboard(), getTranslations("progress")]);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/console/selection" className="text-brand-700 underline">
          {t("backToSelection")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("dashboardTitle")}</h1>
      <ProgressView data={data} />
    </div>
  );
}
