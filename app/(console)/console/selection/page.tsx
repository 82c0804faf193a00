import Link from "@/components/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { requireUser } from "@/lib/auth/gates";
import { loadBatchList } from "@/lib/selection/batches/loaders";
import { StatusBadge } from "./_components/status-badge";
import { ButtonLink } from "@/components/button";
import { localName } from "@/components/local-name";
import { PageHeader } from "@/components/page-header";
import { liveApplications } from "./_components/counts";

export const dynamic = "force-dynamic";

/** 遴选管理: the ministry's list of batches. Officers and experts land on their own pages. */
export default async function SelectionHomePage() {
  const me = await requireUser();
  if (me.role === "PROVINCE_OFFICER") redirect("/console/selection/apply");
  if (me.role === "EXPERT") redirect("/console/selection/reviews");
  const [{ user, batches }, t, format, locale] = await Promise.all([loadBatchList(), getTranslations("selection"), getFormatter(), getLocale()]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin.title")}
        intro={t("admin.intro")}
        actions={
          <>
            <ButtonLink href="/console/selection/progress" variant="secondary" size="sm">
              {t("admin.dashboard")}
            </ButtonLink>
            {user.role === "MINISTRY_ADMIN" ? (
              <ButtonLink href="/console/selection/new" size="sm">
                {t("admin.newBatch")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
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
                  {localName(batch, locale)}
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
