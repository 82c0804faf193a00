"use client";

import { useLocale, useTranslations } from "next-intl";
import type { StaleDetail } from "@/lib/errors";
import { fieldLabel, formatDateTime, formatValue, type RootT } from "@/lib/schools/format";
import { toFormValue } from "@/lib/schools/form-values";

/**
 * "已被 X 于 T 修改": the second editor's notice. Their input stays in the form; each differing
 * field can take the stored value, and "submit again" re-sends with the current version.
 */
export function StaleNotice({ conflict, form, onReapply }: { conflict: StaleDetail; form: React.RefObject<HTMLFormElement | null>; onReapply: () => void }) {
  const t = useTranslations("schools.form");
  const root = useTranslations() as unknown as RootT;
  const locale = useLocale();
  const takeStored = (field: string, value: unknown) => {
    const el = form.current?.elements.namedItem(field);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      el.value = toFormValue(value);
      el.focus();
    }
  };
  return (
    <div role="alert" className="space-y-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-4" data-testid="stale-notice">
      <h2 className="font-semibold text-amber-950">
        {t("staleTitle", { name: conflict.changedBy ?? "—", time: conflict.changedAt ? formatDateTime(conflict.changedAt, locale) : "—" })}
      </h2>
      <p className="text-sm text-amber-950">{t("staleBody")}</p>
      {conflict.changes.length ? (
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-3">
                {t("staleField")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("staleYours")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("staleTheirs")}
              </th>
              <th scope="col" className="py-1">
                <span className="sr-only">{t("useTheirs")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((c) => (
              <tr key={c.field} className="border-t border-amber-200">
                <th scope="row" className="py-1 pr-3 text-left font-medium">
                  {fieldLabel(root, c.field)}
                </th>
                <td className="py-1 pr-3">{formatValue(root, locale, "School", c.field, c.yours)}</td>
                <td className="py-1 pr-3">{formatValue(root, locale, "School", c.field, c.theirs)}</td>
                <td className="py-1">
                  <button
                    type="button"
                    onClick={() => takeStored(c.field, c.theirs)}
                    className="rounded border border-amber-500 bg-white px-2 py-0.5 hover:bg-amber-100"
                  >
                    {t("useTheirs")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm">{t("staleNoFields")}</p>
      )}
      <button type="button" onClick={onReapply} className="rounded bg-amber-700 px-4 py-1.5 font-medium text-white hover:bg-amber-800">
        {t("reapply")}
      </button>
    </div>
  );
}
