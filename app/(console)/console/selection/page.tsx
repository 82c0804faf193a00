import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { requireUser } from "@/lib/auth/gates";
import { loadBatchList } from "@/lib/selection/batches/loaders";
import { StatusBadge } from "./_components/status-badge";

export const dynamic = "force-dynamic";

/** Applications that still count (a withdrawn one does not). */
const liveApplications = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([status]) => status !== "WITHDRAWN")
    .reduce((sum, [, count]) => sum + count, 0);

/** 遴选管理: the ministry's list of batches. Officers and experts land on their own pages. */
export default async function SelectionHomePage() {
  const me = await requireUser();
  if (me.role === "PROVINCE_OFFICER") redirect("/console/selection/apply");
  if (me.role === "EXPERT") redirect("/console/selection/reviews");
  const [{ user, batches }, t, format, locale] = await Promise.all([loadBatchList(), getTranslations("selection"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("admin.title")}</h1>
        <div className="flex gap-3">
          <Link href="/console/selection/progress" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-100">
            {t("admin.dashboard")}
          </Link>
          {user.role === "MINISTRY_ADMIN" ? (
            <Link href="/console/selection/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {t("admin.newBatch")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t("admin.intro")}</p>
      <DataTable
        caption={t("admin.title")}
        rows={batches}
        empty={t("admin.none")}
        columns={[
          {
            key: "name",
            header: t("batch.name"),
            cell: (batch) => (
              <>
                <Link href={`/console/selection/batches/${batch.id}`} className="font-medium text-brand-700 underline">
                  {locale === "en" && batch.nameEn ? batch.nameEn : batch.nameZh}
                </Link>
                {batch.isDemo ? <span className="ml-2 text-xs text-amber-800">{t("common.demo")}</span> : null}
              </>
            ),
          },
          { key: "kind", header: t("batch.kind"), cell: (batch) => t(`kind.${batch.kind}`) },
          { key: "status", header: t("batch.status"), cell: (batch) => <StatusBadge entity="batch" status={batch.status} /> },
          { key: "target", header: t("batch.target"), numeric: true, cell: (batch) => batch.targetCount },
          { key: "applications", header: t("admin.applications"), numeric: true, cell: (batch) => liveApplications(batch.counts) },
          { key: "selected", header: t("admin.selected"), numeric: true, cell: (batch) => (batch.counts.SELECTED ?? 0) + (batch.counts.DESIGNATED ?? 0) },
          {
            key: "window",
            header: t("batch.window"),
            className: "whitespace-nowrap",
            cell: (batch) =>
              `${format.dateTime(batch.windowOpensAt, { dateStyle: "medium" })} – ${format.dateTime(batch.windowClosesAt, { dateStyle: "medium" })}`,
          },
        ]}
      />
    </div>
  );
}
