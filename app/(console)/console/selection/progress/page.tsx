import { getTranslations } from "next-intl/server";
import { loadProgressDashboard } from "@/lib/progress/loaders";
import { ProgressView } from "@/components/progress/progress-view";
import { PageHeader } from "@/components/page-header";

export const dynamic = "force-dynamic";

/** The ministry dashboard: the same live figures as the public page, inside the console. */
export default async function ProgressDashboardPage() {
  const [data, t] = await Promise.all([loadProgressDashboard(), getTranslations("progress")]);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/console/selection", label: t("backToSelection") }} title={t("dashboardTitle")} />
      <ProgressView data={data} />
    </div>
  );
}
