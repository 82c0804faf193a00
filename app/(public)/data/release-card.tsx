import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { formatShanghai } from "@/lib/kernel/dates";
import type { PublicReleaseView } from "@/lib/opendata/loaders";

const DATASETS = ["schools", "school-majors", "majors", "designations"] as const;
const CHANGES = ["added", "changed", "removed"] as const;

/** One release: counts, changes since the previous one, and its files with sizes and sha256 sums. */
export async function ReleaseCard({ release }: { release: PublicReleaseView }) {
  const [t, locale] = await Promise.all([getTranslations("opendata"), getLocale()]);
  const count = new Intl.NumberFormat(locale);
  const kilobytes = new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
  const headingId = `release-${release.slug}`;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {t("page.releaseTitle", { slug: release.slug })}
      </h3>
      <p className="text-sm text-slate-600">{t("page.generatedAt", { time: formatShanghai(new Date(release.generatedAt), locale) })}</p>
      <DataTable
        variant="inset"
        caption={t("page.countsCaption", { slug: release.slug })}
        rows={DATASETS}
        rowKey={(dataset) => dataset}
        columns={[
          { key: "dataset", header: t("page.dataset"), rowHeader: true, cell: (dataset) => t(`datasets.${dataset}`) },
          { key: "records", header: t("page.records"), numeric: true, cell: (dataset) => count.format(release.counts[dataset] ?? 0) },
          ...CHANGES.map((change) => ({
            key: change,
            header: t(`changelog.${change}`),
            numeric: true,
            cell: (dataset: (typeof DATASETS)[number]) => count.format(release.changeSummary[dataset]?.[change] ?? 0),
          })),
        ]}
      />
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("page.files", { count: release.files.length })}</summary>
        <ul className="mt-2 space-y-1 text-sm">
          {release.files.map((file) => (
            <li key={file.name} className="flex flex-wrap items-baseline gap-x-3">
              <a href={file.url} className="font-medium text-brand-800 underline" download>
                {file.name}
              </a>
              <span className="tabular-nums text-slate-600">{kilobytes.format(file.bytes / 1024)}</span>
              <code className="break-all text-xs text-slate-500" title={t("page.sha256")}>
                sha256 {file.sha256}
              </code>
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
