import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/gates";
import { loadBatchList } from "@/lib/selection/batches/loaders";
import { StatusBadge } from "./_components/status-badge";

export const dynamic = "force-dynamic";

/** 遴选管理: the ministry's list of batches. Officers and experts land on their own pages. */
export default async function SelectionHomePage() {
  const me = await requireUser();
  if (me.role === "PROVINCE_OFFICER") redirect("/console/selection/apply");
  if (me.role === "EXPERT") redirect("/console/selection/reviews");
  const [{ user, batches }, t, f, locale] = await Promise.all([loadBatchList(), getTranslations("selection"), getFormatter(), getLocale()]);
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
      {batches.length === 0 ? (
        <p>{t("admin.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("admin.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("batch.name")}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("batch.kind")}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("batch.status")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("batch.target")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("admin.applications")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("admin.selected")}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  {t("batch.window")}
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => {
                const total = Object.entries(b.counts)
                  .filter(([s]) => s !== "WITHDRAWN")
                  .reduce((s, [, n]) => s + n, 0);
                const selected = (b.counts.SELECTED ?? 0) + (b.counts.DESIGNATED ?? 0);
                return (
                  <tr key={b.id} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link href={`/console/selection/batches/${b.id}`} className="font-medium text-brand-700 underline">
                        {locale === "en" && b.nameEn ? b.nameEn : b.nameZh}
                      </Link>
                      {b.isDemo ? <span className="ml-2 text-xs text-amber-800">{t("common.demo")}</span> : null}
                    </td>
                    <td className="px-3 py-2">{t(`kind.${b.kind}`)}</td>
                    <td className="px-3 py-2">
                      <StatusBadge entity="batch" status={b.status} />
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{b.targetCount}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{total}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{selected}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {f.dateTime(b.windowOpensAt, { dateStyle: "medium" })} – {f.dateTime(b.windowClosesAt, { dateStyle: "medium" })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
