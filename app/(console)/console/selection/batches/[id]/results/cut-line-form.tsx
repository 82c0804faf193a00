"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { setCutLineAction } from "@/lib/selection/results/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

export function CutLineForm({ batchId, current, suggested }: { batchId: string; current: number | null; suggested: number | null }) {
  const t = useTranslations("selection.results");
  const [value, setValue] = useState(String(current ?? suggested ?? ""));
  const step = useStep();
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
          <Button
            size="sm"
            className="self-start"
            disabled={!step.ready}
            onClick={() => step.run(() => setCutLineAction({ batchId, cutLine: value }), { success: t("cutLineSaved") })}
          >
            {t("saveCutLine")}
          </Button>
        }
      />
      <FormStatus {...step.status} />
    </div>
  );
}
