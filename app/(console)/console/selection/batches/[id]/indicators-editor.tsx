"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FieldErrorList, type FieldIssue } from "@/components/field-error-list";
import { TextField } from "@/components/form-field";
import { saveIndicatorsAction } from "@/lib/selection/batches/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

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
  const sum = Math.round(rows.reduce((s, r) => s + (Number(r.weight) || 0), 0) * 100) / 100;
  const set = (i: number, k: keyof Row, v: string) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, [k]: v } : r)));
  const save = () =>
    start(async () => {
      setStatus({});
      const r = await saveIndicatorsAction({ batchId, indicators: rows });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        return setStatus({ error: message(r) });
      }
      setErrors({});
      setStatus({ success: t("saved") });
      router.refresh();
    });
  const cols = ["code", "nameZh", "nameEn", "weight", "maxScore"] as const;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col" className="px-2 py-1 text-left font-medium">
                  {t(`cols.${c}`)}
                </th>
              ))}
              <th scope="col" className="px-2 py-1">
                <span className="sr-only">{t("remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="border-t border-slate-100 align-top">
                {cols.map((c) => (
                  <td key={c} className="px-2 py-1">
                    <TextField
                      id={`ind-${i}-${c}`}
                      label={`${t(`cols.${c}`)} ${i + 1}`}
                      labelHidden
                      value={r[c]}
                      inputMode={c === "weight" || c === "maxScore" ? "decimal" : undefined}
                      onChange={(e) => set(i, c, e.target.value)}
                      dense
                      width={c === "code" || c === "weight" || c === "maxScore" ? "auto" : "full"}
                      inputClassName={c === "code" ? "w-20" : c === "weight" || c === "maxScore" ? "w-20 text-right" : ""}
                      issues={errors[`indicators.${i}.${c}`]}
                    />
                  </td>
                ))}
                <td className="px-2 py-1">
                  <button
                    type="button"
                    onClick={() => setRows((rs) => rs.filter((_, n) => n !== i))}
                    className="text-sm text-red-700 underline"
                    aria-label={`${t("remove")} ${r.code || i + 1}`}
                  >
                    {t("remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`text-sm ${Math.abs(sum - 100) < 0.001 ? "text-green-800" : "text-red-700"}`} aria-live="polite">
        {t("sum", { sum })}
      </p>
      <FieldErrorList id="ind-err" issues={errors.indicators} />
      <FormStatus error={status.error} success={status.success} />
      <div className="flex gap-3">
        <button
          type="button"
          onClick={() => setRows((rs) => [...rs, { code: `A${rs.length + 1}`, nameZh: "", nameEn: "", weight: 0, maxScore: 10 }])}
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
