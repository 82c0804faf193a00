import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/demo-banner";
import { loadPublicNotice } from "@/lib/selection/notice/loaders";
import { ObjectionForm } from "./objection-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ batchId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { batchId } = await params;
  const t = await getTranslations("selection.publicNotice");
  try {
    const d = await loadPublicNotice(batchId);
    return { title: `${d.batch.nameZh} · ${t("title")}` };
  } catch {
    return { title: t("title") };
  }
}

/** 公示: the selected list of a batch, and the objection form while the period runs. */
export default async function NoticePage({ params }: Props) {
  const { batchId } = await params;
  const [d, t, te, tc, f, locale] = await Promise.all([
    loadPublicNotice(batchId),
    getTranslations("selection.publicNotice"),
    getTranslations("enums"),
    getTranslations("common"),
    getFormatter(),
    getLocale(),
  ]);
  const { batch } = d;
  const when = (x: Date | null) => (x ? f.dateTime(x, { dateStyle: "long", timeStyle: "short" }) : "—");
  const label = (e: (typeof d.entries)[number]) =>
    `${e.school.nameZh}${e.schoolMajor ? ` · ${locale === "en" ? e.schoolMajor.major.nameEn : e.schoolMajor.major.nameZh}` : ""}`;
  return (
    <div className="space-y-6">
      {batch.isDemo ? <DemoBanner text={tc("demoBanner")} /> : null}
      <p className="text-sm">
        <Link href="/notices" className="text-brand-700 underline">
          {t("listTitle")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {locale === "en" && batch.nameEn ? batch.nameEn : batch.nameZh} · {batch.status === "NOTICE" ? t("title") : t("resultTitle")}
      </h1>
      <p className="text-slate-700">
        {batch.status === "NOTICE"
          ? t("periodLine", { from: when(batch.noticeStartsAt), to: when(batch.noticeEndsAt) })
          : t("announcedLine", { at: when(batch.announcedAt), doc: batch.documentNo ?? "" })}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="px-3 py-2 text-left font-medium">{t("listCaption", { n: d.entries.filter((e) => e.status !== "REMOVED").length })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2 text-right">
                {t("rank")}
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                {t("school")}
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                {t("authority")}
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                {t("tier")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t("score")}
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                {t("state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.entries.map((e) => (
              <tr key={e.id} className={`border-t border-slate-100 ${e.status === "REMOVED" ? "text-slate-500 line-through" : ""}`}>
                <td className="px-3 py-1.5 text-right tabular-nums">{e.decision?.rank ?? "—"}</td>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {e.status === "DESIGNATED" ? (
                    <Link href={`/schools/${e.school.publicCode}`} className="text-brand-700 underline">
                      {label(e)}
                    </Link>
                  ) : (
                    label(e)
                  )}
                </th>
                <td className="px-3 py-1.5">{locale === "en" ? e.authority.nameEn : e.authority.nameZh}</td>
                <td className="px-3 py-1.5">{te(`tier.${e.school.tier}`)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{e.decision?.finalScore?.toFixed(2) ?? "—"}</td>
                <td className="px-3 py-1.5">{t(`entry.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.objectionsOpen ? (
        <section aria-labelledby="obj-h" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="obj-h" className="text-lg font-semibold">
            {t("objectTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("objectHint", { to: when(batch.noticeEndsAt) })}</p>
          <ObjectionForm entries={d.selectable.map((e) => ({ id: e.id, label: label(e) }))} />
        </section>
      ) : batch.status === "NOTICE" ? (
        <p className="text-sm">{t("periodOver")}</p>
      ) : null}
    </div>
  );
}
