"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setCutLineAction } from "@/lib/selection/results/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

export function CutLineForm({ batchId, current, suggested }: { batchId: string; current: number | null; suggested: number | null }) {
  const t = useTranslations("selection.results");
  const message = useResultMessage();
  const router = useRouter();
  const [value, setValue] = useState(String(current ?? suggested ?? ""));
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="cut-line" className="block text-sm font-medium">
            {t("cutLine")}
          </label>
          <input
            id="cut-line"
            type="number"
            min={0}
            max={100}
            step="0.01"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby="cut-line-hint"
            className="mt-1 w-28 rounded border border-slate-300 px-2 py-1 text-right"
          />
        </div>
        <button
          type="button"
          disabled={!hydrated || pending}
          onClick={() =>
            start(async () => {
              setStatus({});
              const r = await setCutLineAction({ batchId, cutLine: value });
              if (!r.ok) return setStatus({ error: message(r) });
              setStatus({ success: t("cutLineSaved") });
              router.refresh();
            })
          }
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("saveCutLine")}
        </button>
      </div>
      <p id="cut-line-hint" className="text-xs text-slate-600">
        {suggested !== null ? t("suggested", { value: suggested }) : t("noSuggestion")}
      </p>
      <FormStatus error={status.error} success={status.success} />
    </div>
  );
}
