import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadApplyHome } from "@/lib/selection/applications/loaders";
import { StatusBadge } from "../_components/status-badge";
import { Badge } from "@/components/badge";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { liveApplications } from "../_components/counts";

export const dynamic = "force-dynamic";

/** 遴选申报: the officer's batches, with their own applications and quota. */
export default async function ApplyHomePage() {
  const [data, t, format, locale] = await Promise.all([loadApplyHome(), getTranslations("selection"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("apply.title")} intro={t("apply.intro", { authority: data.authority ? localName(data.authority, locale) : "" })} />
      {data.batches.length === 0 ? <p>{t("apply.none")}</p> : null}
      <ul className="space-y-3">
        {data.batches.map((batch) => {
          const mine = liveApplications(batch.counts);
          const open = batch.status === "APPLYING" && data.now >= batch.windowOpensAt && data.now < batch.windowClosesAt;
          return (
            <li key={batch.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-3">
                <Link href={`/console/selection/apply/${batch.id}`} className="text-lg font-semibold text-brand-700 underline">
                  {localName(batch, locale)}
                </Link>
                <StatusBadge entity="batch" status={batch.status} />
                <span className="text-sm text-slate-600">{t(`kind.${batch.kind}`)}</span>
                {open ? <Badge tone="green">{t("apply.windowOpen")}</Badge> : null}
              </div>
              <p className="text-sm text-slate-700">
                {t("batch.window")}: {format.dateTime(batch.windowOpensAt, { dateStyle: "medium", timeStyle: "short" })} –{" "}
                {format.dateTime(batch.windowClosesAt, { dateStyle: "medium", timeStyle: "short" })}
              </p>
              <p className="text-sm">{t("apply.counts", { mine, recommended: batch.counts.RECOMMENDED ?? 0, quota: batch.quota })}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
