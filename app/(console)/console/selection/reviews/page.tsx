import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-field";
import { declareAffiliationAction } from "@/lib/selection/reviews/actions";
import { loadMyReviews } from "@/lib/selection/reviews/loaders";
import { ActionForm } from "../_components/action-form";
import { StatusBadge } from "../_components/status-badge";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string }> };

/** 评审任务: the expert's own assignments, and their declared ties with schools. */
export default async function MyReviewsPage({ searchParams }: Props) {
  const { q } = await searchParams;
  const [d, t, te, f, locale] = await Promise.all([
    loadMyReviews(typeof q === "string" ? q : undefined),
    getTranslations("selection"),
    getTranslations("enums"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("reviews.title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("reviews.intro")}</p>
      {d.assignments.length === 0 ? (
        <p>{t("reviews.none")}</p>
      ) : (
        <ul className="space-y-2">
          {d.assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3">
              <Link href={`/console/selection/reviews/${a.id}`} className="font-medium text-brand-700 underline">
                {a.application.school.nameZh}
                {a.application.schoolMajor ? ` · ${a.application.schoolMajor.major.nameZh}` : ""}
              </Link>
              <span className="text-sm text-slate-600">
                {locale === "en" && a.application.batch.nameEn ? a.application.batch.nameEn : a.application.batch.nameZh} ·{" "}
                {te(`tier.${a.application.school.tier}`)}
              </span>
              <StatusBadge entity="assignment" status={a.status} />
              <span className="text-xs text-slate-600">{t("reviews.assignedAt", { at: f.dateTime(a.assignedAt, { dateStyle: "medium" }) })}</span>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="aff-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="aff-h" className="text-lg font-semibold">
          {t("reviews.affiliations")}
        </h2>
        <p className="text-sm text-slate-700">{t("reviews.affiliationsHint")}</p>
        {d.affiliations.length ? (
          <ul className="list-disc pl-5 text-sm">
            {d.affiliations.map((a) => (
              <li key={a.id}>
                {a.school.nameZh}
                {a.note ? `（${a.note}）` : ""} · {f.dateTime(a.declaredAt, { dateStyle: "medium" })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t("reviews.noAffiliations")}</p>
        )}
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <TextField id="aff-q" name="q" label={t("reviews.searchSchool")} defaultValue={d.q} minLength={2} width="auto" />
          <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-2 text-sm hover:bg-slate-100">
            {t("reviews.search")}
          </button>
        </form>
        {d.q && d.found.length === 0 ? <p className="text-sm">{t("reviews.noneFound")}</p> : null}
        <ul className="space-y-3">
          {d.found.map((s) => (
            <li key={s.id} className="rounded border border-slate-200 p-3">
              <p className="text-sm font-medium">
                {s.nameZh}（{locale === "en" ? s.authority.nameEn : s.authority.nameZh}）
              </p>
              <ActionForm
                action={declareAffiliationAction}
                hidden={{ schoolId: s.id }}
                fields={[{ name: "note", label: t("reviews.note"), type: "text", maxLength: 200 }]}
                submitLabel={t("reviews.declare")}
                confirm={{ title: t("reviews.declare"), body: t("reviews.declareConfirm", { school: s.nameZh }) }}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
