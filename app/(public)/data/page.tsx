import type { Metadata } from "next";
import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { loadDataPage } from "@/lib/opendata/loaders";
import { PublishRelease } from "./publish-release";
import { ReleaseCard } from "./release-card";
import { Panel } from "@/components/panel";
import { PageHeader } from "@/components/page-header";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("opendata");
  return { title: t("page.title") };
}

const API_EXAMPLES = [
  "/api/v1/schools?q=szjsxy",
  "/api/v1/schools?authority=guangdong&tier=TECHNICIAN_COLLEGE&format=csv",
  "/api/v1/majors",
  "/api/v1/designations?kind=QUALITY_SCHOOL",
  "/api/v1/changes?since=2026-01-01T00:00:00%2B08:00",
];

/** Open data: dated releases to download, and how to use the API and the change feeds. */
export default async function DataPage() {
  const [t, td, page] = await Promise.all([getTranslations("opendata"), getTranslations("dictionary.page"), loadDataPage()]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("page.title")} intro={t("page.intro")} />

      <Panel title={t("page.releases")} plain>
        {page.canPublish ? <PublishRelease /> : null}
        {page.releases.length ? (
          page.releases.map((release) => <ReleaseCard key={release.slug} release={release} />)
        ) : (
          <p className="text-slate-600">{t("page.noReleases")}</p>
        )}
      </Panel>

      <section id="api" aria-labelledby="api-title" className="space-y-3">
        <h2 id="api-title" className="text-xl font-semibold">
          {t("page.api")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("page.apiIntro", { limit: page.rateLimitPerMinute })}</p>
        <p>
          <a href="/api/v1/openapi.json" className="font-medium text-brand-800 underline">
            {t("page.openapi")}
          </a>
        </p>
        <p>
          <Link href="/data/dictionary" className="font-medium text-brand-800 underline">
            {td("link")}
          </Link>
        </p>
        <ul className="space-y-1 text-sm">
          {API_EXAMPLES.map((href) => (
            <li key={href}>
              <a href={href} className="break-all font-mono text-brand-800 underline">
                {decodeURIComponent(href)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <Panel title={t("page.feeds")} plain>
        <p className="max-w-3xl text-slate-700">{t("page.feedsIntro")}</p>
        <ul className="space-y-1 text-sm">
          <li>
            <a href="/feeds/changes.atom" className="font-mono text-brand-800 underline">
              /feeds/changes.atom
            </a>
          </li>
          <li className="font-mono">/feeds/authorities/&lt;id&gt;.atom</li>
          <li className="font-mono">/feeds/schools/&lt;id&gt;.atom</li>
        </ul>
      </Panel>
    </div>
  );
}
