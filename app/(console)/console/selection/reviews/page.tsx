import Link from "@/components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-field";
import { declareAffiliationAction } from "@/lib/selection/reviews/actions";
import { loadMyReviews } from "@/lib/selection/reviews/loaders";
import { ActionForm } from "../_components/action-form";
import { StatusBadge } from "../_components/status-badge";
import { Button } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string }> };

/** 评审任务: the expert's own assignments, and their declared ties with schools. */
export default async function MyReviewsPage({ searchParams }: Props) {
  const { q: query } = await searchParams;
  const [data, t, tEnums, format, locale] = await Promise.all([
    loadMyReviews(typeof query === "string" ? query : undefined),
    getTranslations("selection"),
    getTranslations("enums"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("reviews.title")} intro={t("reviews.intro")} />
      {data.assignments.length === 0 ? (
        <p>{t("reviews.none")}</p>
      ) : (
        <ul className="space-y-2">
          {data.assignments.map((assignment) => (
            <li key={assignment.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3">
              <Link href={`/console/selection/reviews/${assignment.id}`} className="font-medium text-brand-700 underline">
                {assignment.application.school.nameZh}
                {assignment.application.schoolMajor ? ` · ${assignment.application.schoolMajor.major.nameZh}` : ""}
              </Link>
              <span className="text-sm text-slate-600">
                {localName(assignment.application.batch, locale)} · {localName(assignment.application.school.authority, locale)} ·{" "}
                {tEnums(`tier.${assignment.application.school.tier}`)}
              </span>
              <StatusBadge entity="assignment" status={assignment.status} />
              <span className="text-xs text-slate-600">{t("reviews.assignedAt", { at: format.dateTime(assignment.assignedAt, { dateStyle: "medium" }) })}</span>
            </li>
          ))}
        </ul>
      )}

      <Panel title={t("reviews.affiliations")} intro={t("reviews.affiliationsHint")}>
        {data.affiliations.length ? (
          <ul className="list-disc pl-5 text-sm">
            {data.affiliations.map((affiliation) => (
              <li key={affiliation.id}>
                {affiliation.school.nameZh}
                {affiliation.note ? `（${affiliation.note}）` : ""} · {format.dateTime(affiliation.declaredAt, { dateStyle: "medium" })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t("reviews.noAffiliations")}</p>
        )}
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <TextField id="aff-q" name="q" label={t("reviews.searchSchool")} defaultValue={data.q} minLength={2} width="auto" />
          <Button type="submit" variant="secondary" size="sm">
            {t("reviews.search")}
          </Button>
        </form>
        {data.q && data.found.length === 0 ? <p className="text-sm">{t("reviews.noneFound")}</p> : null}
        <ul className="space-y-3">
          {data.found.map((school) => (
            <li key={school.id} className="rounded border border-slate-200 p-3">
              <p className="text-sm font-medium">
                {school.nameZh}（{localName(school.authority, locale)}）
              </p>
              <ActionForm
                action={declareAffiliationAction}
                hidden={{ schoolId: school.id }}
                fields={[{ name: "note", label: t("reviews.note"), type: "text", maxLength: 200 }]}
                submitLabel={t("reviews.declare")}
                confirm={{ title: t("reviews.declare"), body: t("reviews.declareConfirm", { school: school.nameZh }) }}
              />
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
