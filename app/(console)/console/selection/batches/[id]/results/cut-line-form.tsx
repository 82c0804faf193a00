"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
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
      <TextField
        id="cut-line"
        label={t("cutLine")}
        type="number"
        min={0}
        max={100}
        step="0.01"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        width="short"
        inputClassName="text-right"
        hint={suggested !== null ? t("suggested", { value: suggested }) : t("noSuggestion")}
        addon={
          <button
            type="button"
            disabled={!hydrated || pending}
            onClick={() =>
              start(async () => {
                setStatus({});
                const result = await setCutLineAction({ batchId, cutLine: value });
                if (!result.ok) return setStatus({ error: message(result) });
                setStatus({ success: t("cutLineSaved") });
                router.refresh();
              })
            }
            className="self-start rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {t("saveCutLine")}
          </button>
        }
      />
      <FormStatus error={status.error} success={status.success} />
    </div>
  );
}
