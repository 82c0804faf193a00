"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
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
  const [def, setDef] = useState(String(defaultQuota));
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(quotas.map((q) => [q.authorityId, String(q.quota)])));
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const save = () =>
    start(async () => {
      setStatus({});
      const list = Object.entries(values)
        .filter(([, v]) => v.trim() !== "")
        .map(([authorityId, v]) => ({ authorityId, quota: v }));
      const r = await saveQuotasAction({ batchId, defaultQuota: def, quotas: list });
      if (!r.ok) return setStatus({ error: message(r) });
      setStatus({ success: t("saved") });
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="q-default" className="block text-sm font-medium">
          {t("default")}
        </label>
        <input
          id="q-default"
          type="number"
          min={0}
          value={def}
          onChange={(e) => setDef(e.target.value)}
          className="mt-1 w-28 rounded border border-slate-300 px-2 py-1 text-right"
        />
      </div>
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {authorities.map((a) => (
          <div key={a.id} className="flex items-center justify-between gap-2">
            <label htmlFor={`q-${a.id}`} className="text-sm">
              {locale === "en" ? a.nameEn : a.nameZh}
            </label>
            <input
              id={`q-${a.id}`}
              type="number"
              min={0}
              placeholder={def}
              value={values[a.id] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [a.id]: e.target.value }))}
              className="w-20 rounded border border-slate-300 px-2 py-1 text-right"
            />
          </div>
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
