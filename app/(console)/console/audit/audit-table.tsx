import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/audit/data";

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v, null, 1));

/** Newest first; before/after values folded into a <details> per row. */
export async function AuditTable({ rows, authorities }: { rows: AuditRow[]; authorities: { id: string; name: string }[] }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const names = new Map(authorities.map((a) => [a.id, a.name]));
  const cols = ["at", "actor", "action", "entity", "authority", "details"] as const;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="audit-table">
        <caption className="px-3 py-2 text-left font-medium text-slate-700">{t("caption")}</caption>
        <thead className="bg-slate-100">
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-left font-medium">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td className="px-3 py-1.5">{r.actorId ? r.actorLabel : `${r.actorLabel} ${t("system")}`}</td>
              <td className="px-3 py-1.5 font-mono">{r.action}</td>
              <td className="px-3 py-1.5">
                <span className="font-mono">{r.entityType}</span> <span className="break-all text-slate-600">{r.entityId}</span>
              </td>
              <td className="px-3 py-1.5">{r.authorityId ? (names.get(r.authorityId) ?? r.authorityId) : "—"}</td>
              <td className="px-3 py-1.5">
                {r.before || r.after || r.reason ? (
                  <details>
                    <summary className="cursor-pointer text-brand-700">{t("columns.details")}</summary>
                    {r.reason ? <p>{r.reason}</p> : null}
                    {r.before ? (
                      <>
                        <p className="font-medium">{t("before")}</p>
                        <pre className="max-w-md whitespace-pre-wrap break-all text-xs">{json(r.before)}</pre>
                      </>
                    ) : null}
                    {r.after ? (
                      <>
                        <p className="font-medium">{t("after")}</p>
                        <pre className="max-w-md whitespace-pre-wrap break-all text-xs">{json(r.after)}</pre>
                      </>
                    ) : null}
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
