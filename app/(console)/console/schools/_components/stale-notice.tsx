"use client";

import { useLocale, useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
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
  const title = t("staleTitle", { name: conflict.changedBy ?? "—", time: conflict.changedAt ? formatDateTime(conflict.changedAt, locale) : "—" });
  const takeStored = (field: string, value: unknown) => {
    const control = form.current?.elements.namedItem(field);
    if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) {
      control.value = toFormValue(value);
      control.focus();
    }
  };
  return (
    <div role="alert" className="space-y-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-4" data-testid="stale-notice">
      <h2 className="font-semibold text-amber-950">{title}</h2>
      <p className="text-sm text-amber-950">{t("staleBody")}</p>
      <DataTable
        variant="inset"
        caption={title}
        rows={conflict.changes}
        rowKey={(change) => change.field}
        empty={t("staleNoFields")}
        columns={[
          { key: "field", header: t("staleField"), rowHeader: true, className: "font-medium", cell: (change) => fieldLabel(root, change.field) },
          { key: "yours", header: t("staleYours"), cell: (change) => formatValue(root, locale, "School", change.field, change.yours) },
          { key: "theirs", header: t("staleTheirs"), cell: (change) => formatValue(root, locale, "School", change.field, change.theirs) },
          {
            key: "take",
            header: <span className="sr-only">{t("useTheirs")}</span>,
            cell: (change) => (
              <button
                type="button"
                onClick={() => takeStored(change.field, change.theirs)}
                className="rounded border border-amber-500 bg-white px-2 py-0.5 hover:bg-amber-100"
              >
                {t("useTheirs")}
              </button>
            ),
          },
        ]}
      />
      <button type="button" onClick={onReapply} className="rounded bg-amber-700 px-4 py-1.5 font-medium text-white hover:bg-amber-800">
        {t("reapply")}
      </button>
    </div>
  );
}
