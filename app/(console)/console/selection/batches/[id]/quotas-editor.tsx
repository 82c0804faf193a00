"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { TextField } from "@/components/form-field";
import { saveQuotasAction } from "@/lib/selection/batches/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

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
  const message = useResultMessage();
  const router = useRouter();
  const [fallback, setFallback] = useState(String(defaultQuota));
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(quotas.map((quota) => [quota.authorityId, String(quota.quota)])));
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const save = () =>
    start(async () => {
      setStatus({});
      const list = Object.entries(values)
        .filter(([, value]) => value.trim() !== "")
        .map(([authorityId, value]) => ({ authorityId, quota: value }));
      const result = await saveQuotasAction({ batchId, defaultQuota: fallback, quotas: list });
      if (!result.ok) return setStatus({ error: message(result) });
      setStatus({ success: t("saved") });
      router.refresh();
    });
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
            label={locale === "en" ? authority.nameEn : authority.nameZh}
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
      <FormStatus error={status.error} success={status.success} />
      <button
        type="button"
        onClick={save}
        disabled={!hydrated || pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("save")}
      </button>
    </div>
  );
}
