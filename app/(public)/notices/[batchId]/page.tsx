import type { Metadata } from "next";
import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DemoBanner } from "@/components/demo-banner";
import { loadPublicNotice } from "@/lib/selection/notice/loaders";
import { ObjectionForm } from "./objection-form";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ batchId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { batchId } = await params;
  const t = await getTranslations("selection.publicNotice");
  try {
    const notice = await loadPublicNotice(batchId);
    return { title: `${notice.batch.nameZh} · ${t("title")}` };
  } catch {
    return { title: t("title") };
  }
}

/** 公示: the selected list of a batch, and the objection form while the period runs. */
export default async function NoticePage({ params }: Props) {
  const { batchId } = await params;
  const [notice, t, tEnums, tCommon, format, locale] = await Promise.all([
    loadPublicNotice(batchId),
    getTranslations("selection.publicNotice"),
    getTranslations("enums"),
    getTranslations("common"),
    getFormatter(),
    getLocale(),
  ]);
  const { batch } = notice;
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "long", timeStyle: "short" }) : "—");
  const label = (entry: (typeof notice.entries)[number]) =>
    `${entry.school.nameZh}${entry.schoolMajor ? ` · ${localName(entry.schoolMajor.major, locale)}` : ""}`;
  return (
    <div className="space-y-6">
      {batch.isDemo ? <DemoBanner text={tCommon("demoBanner")} /> : null}
      <p className="text-sm">
        <Link href="/notices" className="text-brand-700 underline">
          {t("listTitle")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {localName(batch, locale)} · {batch.status === "NOTICE" ? t("title") : t("resultTitle")}
      </h1>
      <p className="text-slate-700">
        {batch.status === "NOTICE"
          ? t("periodLine", { from: when(batch.noticeStartsAt), to: when(batch.noticeEndsAt) })
          : t("announcedLine", { at: when(batch.announcedAt), doc: batch.documentNo ?? "" })}
      </p>
      <DataTable
        showCaption
        caption={t("listCaption", { n: notice.entries.filter((entry) => entry.status !== "REMOVED").length })}
        rows={notice.entries}
        rowProps={(entry) => ({ className: entry.status === "REMOVED" ? "text-slate-500 line-through" : "" })}
        columns={[
          { key: "rank", header: t("rank"), numeric: true, cell: (entry) => entry.decision?.rank ?? "—" },
          {
            key: "school",
            header: t("school"),
            rowHeader: true,
            cell: (entry) =>
              entry.status === "DESIGNATED" ? (
                <Link href={`/schools/${entry.school.publicCode}`} className="text-brand-700 underline">
                  {label(entry)}
                </Link>
              ) : (
                label(entry)
              ),
          },
          { key: "authority", header: t("authority"), cell: (entry) => localName(entry.authority, locale) },
          { key: "tier", header: t("tier"), cell: (entry) => tEnums(`tier.${entry.school.tier}`) },
          { key: "score", header: t("score"), numeric: true, cell: (entry) => entry.decision?.finalScore?.toFixed(2) ?? "—" },
          { key: "state", header: t("state"), cell: (entry) => t(`entry.${entry.status}`) },
        ]}
      />
      {notice.objectionsOpen ? (
        <Panel title={t("objectTitle")} intro={t("objectHint", { to: when(batch.noticeEndsAt) })}>
          <ObjectionForm entries={notice.selectable.map((entry) => ({ id: entry.id, label: label(entry) }))} />
        </Panel>
      ) : batch.status === "NOTICE" ? (
        <p className="text-sm">{t("periodOver")}</p>
      ) : null}
    </div>
  );
}
