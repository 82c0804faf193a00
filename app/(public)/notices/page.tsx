import type { Metadata } from "next";
import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadPublicNotices } from "@/lib/selection/notice/loaders";
import { PageHeader } from "@/components/page-header";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("selection.publicNotice");
  return { title: t("listTitle") };
}

/** Public: the selection notices (公示) and announced results. */
export default async function NoticesPage() {
  const [{ batches }, t, tSelection, format, locale] = await Promise.all([
    loadPublicNotices(),
    getTranslations("selection.publicNotice"),
    getTranslations("selection"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("listTitle")} intro={t("listIntro")} />
      {batches.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-2">
        {batches.map((batch) => (
          <li key={batch.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <Link href={`/notices/${batch.id}`} className="font-semibold text-brand-700 underline">
              {localName(batch, locale)}
            </Link>
            <span className="ml-3 text-sm">{batch.status === "NOTICE" ? t("inNotice") : t("announced")}</span>
            <span className="ml-3 text-sm text-slate-600">{tSelection(`kind.${batch.kind}`)}</span>
            {batch.noticeStartsAt ? (
              <p className="text-sm text-slate-600">
                {t("period", {
                  from: format.dateTime(batch.noticeStartsAt, { dateStyle: "medium", timeStyle: "short" }),
                  to: batch.noticeEndsAt ? format.dateTime(batch.noticeEndsAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
