"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FieldErrorList, type FieldIssue } from "@/components/field-error-list";
import { DataTable } from "@/components/data-table";
import { TextField } from "@/components/form-field";
import { saveIndicatorsAction } from "@/lib/selection/batches/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

const COLUMNS = ["code", "nameZh", "nameEn", "weight", "maxScore"] as const;

type Row = { code: string; nameZh: string; nameEn: string; weight: number | string; maxScore: number | string };

/** The batch's indicator set (code, names, weight %, maximum score); weights must total 100. */
export function IndicatorsEditor({ batchId, initial }: { batchId: string; initial: Row[] }) {
  const t = useTranslations("selection.indicators");
  const message = useResultMessage();
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(initial);
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const sum = Math.round(rows.reduce((total, row) => total + (Number(row.weight) || 0), 0) * 100) / 100;
  const update = (index: number, column: keyof Row, value: string) =>
    setRows((current) => current.map((row, position) => (position === index ? { ...row, [column]: value } : row)));
  const save = () =>
    start(async () => {
      setStatus({});
      const result = await saveIndicatorsAction({ batchId, indicators: rows });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setStatus({ error: message(result) });
      }
      setErrors({});
      setStatus({ success: t("saved") });
      router.refresh();
    });
  const numeric = (column: (typeof COLUMNS)[number]) => column === "weight" || column === "maxScore";
  return (
    <div className="space-y-3">
      <DataTable
        variant="inset"
        caption={t("title")}
        alignTop
        rows={rows}
        rowKey={(_row, index) => index}
        columns={[
          ...COLUMNS.map((column) => ({
            key: column,
            header: t(`cols.${column}`),
            cell: (row: Row, index: number) => (
              <TextField
                id={`ind-${index}-${column}`}
                label={`${t(`cols.${column}`)} ${index + 1}`}
                labelHidden
                value={row[column]}
                inputMode={numeric(column) ? "decimal" : undefined}
                onChange={(event) => update(index, column, event.target.value)}
                dense
                width={column === "nameZh" || column === "nameEn" ? "full" : "auto"}
                inputClassName={numeric(column) ? "w-20 text-right" : column === "code" ? "w-20" : ""}
                issues={errors[`indicators.${index}.${column}`]}
              />
            ),
          })),
          {
            key: "remove",
            header: <span className="sr-only">{t("remove")}</span>,
            cell: (row: Row, index: number) => (
              <button
                type="button"
                onClick={() => setRows((current) => current.filter((_, position) => position !== index))}
                className="text-sm text-red-700 underline"
                aria-label={`${t("remove")} ${row.code || index + 1}`}
              >
                {t("remove")}
              </button>
            ),
          },
        ]}
      />
      <p className={`text-sm ${Math.abs(sum - 100) < 0.001 ? "text-green-800" : "text-red-700"}`} aria-live="polite">
        {t("sum", { sum })}
      </p>
      <FieldErrorList id="ind-err" issues={errors.indicators} />
      <FormStatus error={status.error} success={status.success} />
      <div className="flex gap-3">
        <button
          type="button"
          onClick={() => setRows((current) => [...current, { code: `A${current.length + 1}`, nameZh: "", nameEn: "", weight: 0, maxScore: 10 }])}
          className="rounded border border-slate-400 bg-white px-3 py-2 text-sm hover:bg-slate-100"
        >
          {t("add")}
        </button>
        <button
          type="button"
          onClick={save}
          disabled={!hydrated || pending}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("save")}
        </button>
      </div>
    </div>
  );
}
