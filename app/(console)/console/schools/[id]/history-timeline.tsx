import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { diffRows } from "@/lib/schools/diff";
import { actionLabel, fieldLabel, formatDateTime, formatValue, type RootT, type ValueLabels } from "@/lib/schools/format";
import { EDITABLE_FIELDS, REGISTRABLE_FIELDS } from "@/lib/schools/form-schema";

type Event = {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  source: string;
  subject: string | null;
};

// Bookkeeping fields that the person already sees in the entry's header.
const HIDDEN = new Set(["lastConfirmedById", "schoolId"]);
const ORDER = [...REGISTRABLE_FIELDS, ...EDITABLE_FIELDS];

/** The audit timeline of one school, newest first, each entry with its field-by-field changes. */
export async function HistoryTimeline({
  schoolId,
  events,
  total,
  page,
  pageSize,
  locale,
  valueLabels,
}: {
  schoolId: string;
  events: Event[];
  total: number;
  page: number;
  pageSize: number;
  locale: string;
  valueLabels: Record<"zh-CN" | "en", ValueLabels>;
}) {
  const labels = valueLabels[locale === "en" ? "en" : "zh-CN"];
  const t = await getTranslations("schools.history");
  const root = (await getTranslations()) as unknown as RootT;
  return (
    <section aria-labelledby="history-title" className="space-y-3">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {events.length === 0 ? <p className="text-slate-600">{t("none")}</p> : null}
      <ol className="space-y-3" data-testid="history">
        {events.map((e) => {
          const rows = diffRows(e.before, e.after, ORDER).filter((r) => !HIDDEN.has(r.field));
          return (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="history-entry" data-action={e.action}>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-semibold">{actionLabel(root, e.action)}</span>
                <time dateTime={e.at.toISOString()} className="text-sm tabular-nums text-slate-600">
                  {formatDateTime(e.at, locale)}
                </time>
                <span className="text-sm">{t("by", { name: e.actorLabel })}</span>
                {e.source !== "web" ? (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                    {root.has(`schools.history.source.${e.source}`) ? t(`source.${e.source}`) : e.source}
                  </span>
                ) : null}
                {e.entityType !== "School" ? (
                  <span className="rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-900">
                    {root.has(`schools.history.entity.${e.entityType}`) ? t(`entity.${e.entityType}`) : e.entityType}
                  </span>
                ) : null}
              </div>
              {e.subject ? <p className="text-sm text-slate-700">{t("subject", { name: e.subject })}</p> : null}
              {e.reason ? <p className="text-sm text-slate-700">{t("reason", { reason: e.reason })}</p> : null}
              {rows.length ? (
                <table className="mt-2 w-full table-fixed text-sm">
                  <colgroup>
                    <col className="w-1/4" />
                    <col className="w-[35%]" />
                    <col className="w-8" />
                    <col />
                  </colgroup>
                  <thead className="sr-only">
                    <tr>
                      <th scope="col">{t("field")}</th>
                      <th scope="col">{t("from")}</th>
                      <td />
                      <th scope="col">{t("to")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.field} className="border-t border-slate-100" data-testid="diff-row" data-field={r.field}>
                        <th scope="row" className="py-1 pr-3 text-left align-top font-medium text-slate-700">
                          {fieldLabel(root, r.field)}
                        </th>
                        <td className="break-words py-1 pr-2 align-top text-slate-500 line-through decoration-slate-400">
                          {formatValue(root, locale, e.entityType, r.field, r.from, labels)}
                        </td>
                        <td className="py-1" aria-hidden="true">
                          →
                        </td>
                        <td className="break-words py-1 pl-2 align-top font-medium">{formatValue(root, locale, e.entityType, r.field, r.to, labels)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="text-sm text-slate-500">{t("noFieldChanges")}</p>
              )}
            </li>
          );
        })}
      </ol>
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        href={(p) => `/console/schools/${schoolId}?hpage=${p}#history-title`}
        labels={{
          nav: t("title"),
          prev: root("schools.pagination.prev"),
          next: root("schools.pagination.next"),
          status: (p, pages) => root("schools.pagination.page", { page: p, pages }),
        }}
      />
    </section>
  );
}
