"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { saveQuotasAction } from "@/lib/selection/batches/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";
import { localName } from "@/components/local-name";

/** Per-authority recommendation quotas; an empty box means the batch default applies. */
export function QuotasEditor({
  batchId,
  defaultQuota,
  quotas,
  authorities,
}: {
  batchId: string;
  defaultQuota: number;
  quotas: { authorityId: string; quota: number }[];
  authorities: { id: string; nameZh: string; nameEn: string }[];
}) {
  const t = useTranslations("selection.quotas");
  const locale = useLocale();
  const [fallback, setFallback] = useState(String(defaultQuota));
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(quotas.map((quota) => [quota.authorityId, String(quota.quota)])));
  const step = useStep();
  const save = () => {
    // An empty box means the batch default: it is not sent.
    const quotas = Object.entries(values)
      .filter(([, value]) => value.trim() !== "")
      .map(([authorityId, value]) => ({ authorityId, quota: value }));
    step.run(() => saveQuotasAction({ batchId, defaultQuota: fallback, quotas }), { success: t("saved") });
  };
  return (
    <div className="space-y-3">
      <TextField
        id="q-default"
        label={t("default")}
        type="number"
        min={0}
        width="short"
        inputClassName="text-right"
        value={fallback}
        onChange={(event) => setFallback(event.target.value)}
      />
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {authorities.map((authority) => (
          <TextField
            key={authority.id}
            id={`q-${authority.id}`}
            label={localName(authority, locale)}
            inline
            className="justify-between"
            type="number"
            min={0}
            dense
            width="auto"
            inputClassName="w-20 text-right"
            placeholder={fallback}
            value={values[authority.id] ?? ""}
            onChange={(event) => setValues((current) => ({ ...current, [authority.id]: event.target.value }))}
          />
        ))}
      </div>
      <FormStatus {...step.status} />
      <Button size="sm" onClick={save} disabled={!step.ready}>
        {t("save")}
      </Button>
    </div>
  );
}
