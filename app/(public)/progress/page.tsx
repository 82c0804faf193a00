import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/demo-banner";
import { loadProgress } from "@/lib/progress/loaders";
import { ProgressView } from "@/components/progress/progress-view";
import { PageHeader } from "@/components/page-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress");
  return { title: t("title") };
}

/** Public: how far the quality-school and quality-major programme has come, live from the database. */
export default async function ProgressPage() {
  const [data, t, tCommon] = await Promise.all([loadProgress(), getTranslations("progress"), getTranslations("common")]);
  return (
    <div className="space-y-6">
      {data.demo ? <DemoBanner text={tCommon("demoBanner")} /> : null}
      <PageHeader
        title={t("title")}
        intro={
          <>
            <p>{t("intro")}</p>
            <p className="text-sm">
              <Link href="/notices" className="text-brand-700 underline">
                {t("noticesLink")}
              </Link>
              {" · "}
              <a href="/api/v1/progress" className="text-brand-700 underline">
                {t("apiLink")}
              </a>
            </p>
          </>
        }
      />
      <ProgressView data={data} />
    </div>
  );
}
