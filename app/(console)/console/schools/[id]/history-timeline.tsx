import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { Pagination, paginationLabels } from "@/components/pagination";
import { diffRows } from "@/lib/schools/diff";
import { actionLabel, fieldLabel, formatDateTime, formatValue, type RootT, type ValueLabels } from "@/lib/schools/format";
import { EDITABLE_FIELDS, REGISTRABLE_FIELDS } from "@/lib/schools/form-schema";
import { Panel } from "@/components/panel";

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
// `errorReport` is the public error report an edit corrected: said in a line of its own.
const HIDDEN = new Set(["lastConfirmedById", "schoolId", "errorReport"]);
const reportOf = (after: unknown) =>
  after && typeof after === "object" && "errorReport" in after ? String((after as { errorReport: unknown }).errorReport) : null;
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
  const tReports = await getTranslations("errorReports");
  const root = (await getTranslations()) as unknown as RootT;
  return (
    <Panel title={t("title")} titleId="history-title" plain>
      {events.length === 0 ? <p className="text-slate-600">{t("none")}</p> : null}
      <ol className="space-y-3" data-testid="history">
        {events.map((event) => {
          const rows = diffRows(event.before, event.after, ORDER).filter((row) => !HIDDEN.has(row.field));
          return (
            <li key={event.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="history-entry" data-action={event.action}>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-semibold">{actionLabel(root, event.action)}</span>
                <time dateTime={event.at.toISOString()} className="text-sm tabular-nums text-slate-600">
                  {formatDateTime(event.at, locale)}
                </time>
                <span className="text-sm">{t("by", { name: event.actorLabel })}</span>
                {event.source !== "web" ? (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                    {root.has(`schools.history.source.${event.source}`) ? t(`source.${event.source}`) : event.source}
                  </span>
                ) : null}
                {event.entityType !== "School" ? (
                  <span className="rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-900">
                    {root.has(`schools.history.entity.${event.entityType}`) ? t(`entity.${event.entityType}`) : event.entityType}
                  </span>
                ) : null}
              </div>
              {event.subject ? <p className="text-sm text-slate-700">{t("subject", { name: event.subject })}</p> : null}
              {event.reason ? <p className="text-sm text-slate-700">{t("reason", { reason: event.reason })}</p> : null}
              {reportOf(event.after) ? (
                <p className="text-sm text-slate-700" data-testid="history-error-report">
                  {tReports("history", { code: reportOf(event.after)! })}
                </p>
              ) : null}
              <DataTable
                variant="inset"
                caption={actionLabel(root, event.action)}
                headHidden
                alignTop
                rows={rows}
                rowKey={(row) => row.field}
                rowProps={(row) => ({ "data-testid": "diff-row", "data-field": row.field })}
                empty={t("noFieldChanges")}
                columns={[
                  {
                    key: "field",
                    header: t("field"),
                    rowHeader: true,
                    className: "w-1/4 font-medium text-slate-700",
                    cell: (row) => fieldLabel(root, row.field),
                  },
                  {
                    key: "from",
                    header: t("from"),
                    className: "w-[35%] break-words text-slate-500 line-through decoration-slate-400",
                    cell: (row) => formatValue(root, locale, event.entityType, row.field, row.from, labels),
                  },
                  {
                    key: "to",
                    header: t("to"),
                    className: "break-words font-medium",
                    cell: (row) => (
                      <>
                        <span aria-hidden="true" className="mr-2 font-normal">
                          →
                        </span>
                        {formatValue(root, locale, event.entityType, row.field, row.to, labels)}
                      </>
                    ),
                  },
                ]}
              />
            </li>
          );
        })}
      </ol>
      <Pagination
        page={page}
        pageSize={pageSize}
        total={total}
        href={(target) => `/console/schools/${schoolId}?hpage=${target}#history-title`}
        labels={{ ...paginationLabels((key, values) => root(`schools.${key}`, values)), nav: t("title") }}
      />
    </Panel>
  );
}
