import { getLocale, getTranslations } from "next-intl/server";
import { formatShanghai } from "@/lib/kernel/dates";
import type { PublicReleaseView } from "@/lib/opendata/loaders";

const DATASETS = ["schools", "school-majors", "majors", "designations"] as const;

/** One release: counts, changes since the previous one, and its files with sizes and sha256 sums. */
export async function ReleaseCard({ release }: { release: PublicReleaseView }) {
  const [t, locale] = await Promise.all([getTranslations("opendata"), getLocale()]);
  const num = new Intl.NumberFormat(locale);
  const kb = new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
  const headingId = `release-${release.slug}`;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {t("page.releaseTitle", { slug: release.slug })}
      </h3>
      <p className="text-sm text-slate-600">{t("page.generatedAt", { time: formatShanghai(new Date(release.generatedAt), locale) })}</p>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("page.countsCaption", { slug: release.slug })}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1 pr-4 font-medium">
              {t("page.dataset")}
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              {t("page.records")}
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              {t("changelog.added")}
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              {t("changelog.changed")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("changelog.removed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {DATASETS.map((d) => (
            <tr key={d} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {t(`datasets.${d}`)}
              </th>
              <td className="py-1 pr-4 text-right tabular-nums">{num.format(release.counts[d] ?? 0)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{num.format(release.changeSummary[d]?.added ?? 0)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{num.format(release.changeSummary[d]?.changed ?? 0)}</td>
              <td className="py-1 text-right tabular-nums">{num.format(release.changeSummary[d]?.removed ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("page.files", { count: release.files.length })}</summary>
        <ul className="mt-2 space-y-1 text-sm">
          {release.files.map((f) => (
            <li key={f.name} className="flex flex-wrap items-baseline gap-x-3">
              <a href={f.url} className="font-medium text-brand-800 underline" download>
                {f.name}
              </a>
              <span className="tabular-nums text-slate-600">{kb.format(f.bytes / 1024)}</span>
              <code className="break-all text-xs text-slate-500" title={t("page.sha256")}>
                sha256 {f.sha256}
              </code>
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
