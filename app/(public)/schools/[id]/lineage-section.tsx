import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { PublicSchool, PublicSchoolRef } from "@/lib/public/types";
import { Panel } from "@/components/panel";
import { localName } from "@/components/local-name";

/** Former names, predecessors, successor and the dated change records (SchoolChange rows). */
export async function LineageSection({ school }: { school: PublicSchool }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const link = (other: PublicSchoolRef) => (
    <Link href={`/schools/${other.publicCode}`} className="text-brand-700 underline">
      {localName(other, locale)}
    </Link>
  );
  // "A → B"; only the new value when there was none before (e.g. establishment).
  const pair = (from: string | null, to: string | null) => (from && to ? `${from} → ${to}` : (to ?? from ?? ""));
  const empty = !school.formerNames.length && !school.predecessors.length && !school.successor && !school.changes.length;
  return (
    <Panel title={t("schoolPage.lineage")}>
      {empty ? <p>{t("schoolPage.noLineage")}</p> : null}
      <dl className="space-y-2">
        {school.formerNames.length ? (
          <div>
            <dt className="font-medium text-slate-700">{t("schoolPage.fields.formerNames")}</dt>
            <dd>{school.formerNames.join("、")}</dd>
          </div>
        ) : null}
        {school.predecessors.length ? (
          <div>
            <dt className="font-medium text-slate-700">{t("schoolPage.predecessors")}</dt>
            <dd>
              <ul className="list-inside list-disc">
                {school.predecessors.map((predecessor) => (
                  <li key={predecessor.id}>{link(predecessor)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {school.successor ? (
          <div>
            <dt className="font-medium text-slate-700">{t("schoolPage.successor")}</dt>
            <dd>{link(school.successor)}</dd>
          </div>
        ) : null}
      </dl>
      {school.changes.length ? (
        <div className="mt-3">
          <DataTable
            variant="inset"
            showCaption
            caption={t("schoolPage.changes")}
            scrollLabel={t("schoolPage.changes")}
            rows={school.changes}
            columns={[
              { key: "date", header: t("schoolPage.changeDate"), className: "whitespace-nowrap", cell: (change) => change.effectiveDate },
              { key: "kind", header: t("schoolPage.changeKind"), cell: (change) => t(`enums.changeKind.${change.kind}`) },
              {
                key: "detail",
                header: t("schoolPage.changeDetail"),
                cell: (change) => (
                  <>
                    {[
                      pair(change.fromName, change.toName),
                      pair(change.fromTier && t(`enums.tier.${change.fromTier}`), change.toTier && t(`enums.tier.${change.toTier}`)),
                      pair(change.fromStatus && t(`enums.status.${change.fromStatus}`), change.toStatus && t(`enums.status.${change.toStatus}`)),
                    ]
                      .filter(Boolean)
                      .join("；")}
                    {change.relatedSchool ? (
                      <span>
                        {" "}
                        {t("schoolPage.related")}：{link(change.relatedSchool)}
                      </span>
                    ) : null}
                  </>
                ),
              },
              { key: "document", header: t("schoolPage.changeDoc"), cell: (change) => change.documentNo ?? "—" },
            ]}
          />
        </div>
      ) : null}
    </Panel>
  );
}
