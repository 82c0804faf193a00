import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadApplyHome } from "@/lib/selection/applications/loaders";
import { StatusBadge } from "../_components/status-badge";

export const dynamic = "force-dynamic";

/** 遴选申报: the officer's batches, with their own applications and quota. */
export default async function ApplyHomePage() {
  const [d, t, f, locale] = await Promise.all([loadApplyHome(), getTranslations("selection"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("apply.title")}</h1>
      <p className="text-slate-700">{t("apply.intro", { authority: d.authority ? (locale === "en" ? d.authority.nameEn : d.authority.nameZh) : "" })}</p>
      {d.batches.length === 0 ? <p>{t("apply.none")}</p> : null}
      <ul className="space-y-3">
        {d.batches.map((b) => {
          const mine = Object.entries(b.counts)
            .filter(([s]) => s !== "WITHDRAWN")
            .reduce((s, [, n]) => s + n, 0);
          const open = b.status === "APPLYING" && d.now >= b.windowOpensAt && d.now < b.windowClosesAt;
          return (
            <li key={b.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-3">
                <Link href={`/console/selection/apply/${b.id}`} className="text-lg font-semibold text-brand-700 underline">
                  {locale === "en" && b.nameEn ? b.nameEn : b.nameZh}
                </Link>
                <StatusBadge entity="batch" status={b.status} />
                <span className="text-sm text-slate-600">{t(`kind.${b.kind}`)}</span>
                {open ? <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">{t("apply.windowOpen")}</span> : null}
              </div>
              <p className="text-sm text-slate-700">
                {t("batch.window")}: {f.dateTime(b.windowOpensAt, { dateStyle: "medium", timeStyle: "short" })} –{" "}
                {f.dateTime(b.windowClosesAt, { dateStyle: "medium", timeStyle: "short" })}
              </p>
              <p className="text-sm">{t("apply.counts", { mine, recommended: b.counts.RECOMMENDED ?? 0, quota: b.quota })}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
