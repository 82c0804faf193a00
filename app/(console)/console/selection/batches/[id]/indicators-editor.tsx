"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FieldErrorList } from "@/components/field-error-list";
import { DataTable } from "@/components/data-table";
import { TextField } from "@/components/form-field";
import { saveIndicatorsAction } from "@/lib/selection/batches/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

const COLUMNS = ["code", "nameZh", "nameEn", "weight", "maxScore"] as const;

type Row = { code: string; nameZh: string; nameEn: string; weight: number | string; maxScore: number | string };

/** The batch's indicator set (code, names, weight %, maximum score); weights must total 100. */
export function IndicatorsEditor({ batchId, initial }: { batchId: string; initial: Row[] }) {
  const t = useTranslations("selection.indicators");
  const [rows, setRows] = useState<Row[]>(initial);
  const step = useStep();
  const sum = Math.round(rows.reduce((total, row) => total + (Number(row.weight) || 0), 0) * 100) / 100;
  const update = (index: number, column: keyof Row, value: string) =>
    setRows((current) => current.map((row, position) => (position === index ? { ...row, [column]: value } : row)));
  const save = () => step.run(() => saveIndicatorsAction({ batchId, indicators: rows }), { success: t("saved") });
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
                issues={step.errors[`indicators.${index}.${column}`]}
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
      <FieldErrorList id="ind-err" issues={step.errors.indicators} />
      <FormStatus {...step.status} />
      <div className="flex gap-3">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setRows((current) => [...current, { code: `A${current.length + 1}`, nameZh: "", nameEn: "", weight: 0, maxScore: 10 }])}
        >
          {t("add")}
        </Button>
        <Button size="sm" onClick={save} disabled={!step.ready}>
          {t("save")}
        </Button>
      </div>
    </div>
  );
}
