"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/choice-field";
import { saveRecommendationsAction } from "@/lib/selection/applications/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

type App = { id: string; label: string; recommended: boolean; rank: number | null };

/**
 * The authority's recommendation list: tick the applications to recommend and order them (1 =
 * first). Over the quota is refused by the server with the quota named.
 */
export function RecommendForm({ batchId, apps, quota }: { batchId: string; apps: App[]; quota: number }) {
  const t = useTranslations("selection.recommend");
  const message = useResultMessage();
  const router = useRouter();
  const initial = apps
    .filter((a) => a.recommended)
    .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
    .map((a) => a.id);
  const [order, setOrder] = useState<string[]>(initial);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const toggle = (id: string) => setOrder((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));
  const move = (id: string, d: -1 | 1) =>
    setOrder((o) => {
      const i = o.indexOf(id);
      const j = i + d;
      if (i < 0 || j < 0 || j >= o.length) return o;
      const n = [...o];
      [n[i], n[j]] = [n[j], n[i]];
      return n;
    });
  const byId = new Map(apps.map((a) => [a.id, a]));
  return (
    <div className="space-y-3">
      <p className="text-sm" aria-live="polite">
        {t("chosen", { n: order.length, quota })}
      </p>
      <ChoiceField
        type="checkbox"
        name="recommended"
        label={t("choose")}
        column
        options={apps.map((app) => ({ value: app.id, label: app.label }))}
        selected={order}
        onChoose={toggle}
      />
      {order.length ? (
        <ol className="space-y-1" aria-label={t("orderLabel")}>
          {order.map((id, i) => (
            <li key={id} className="flex items-center gap-2 text-sm">
              <span className="w-6 text-right tabular-nums">{i + 1}.</span>
              <span className="flex-1">{byId.get(id)?.label}</span>
              <button
                type="button"
                onClick={() => move(id, -1)}
                disabled={i === 0}
                className="rounded border px-2 disabled:opacity-40"
                aria-label={t("up", { name: byId.get(id)?.label ?? "" })}
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(id, 1)}
                disabled={i === order.length - 1}
                className="rounded border px-2 disabled:opacity-40"
                aria-label={t("down", { name: byId.get(id)?.label ?? "" })}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <FormStatus error={status.error} success={status.success} />
      <button
        type="button"
        disabled={!hydrated || pending}
        onClick={() =>
          start(async () => {
            setStatus({});
            const r = await saveRecommendationsAction({ batchId, ordered: order });
            if (!r.ok) return setStatus({ error: message(r) });
            setStatus({ success: t("saved") });
            router.refresh();
          })
        }
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("save")}
      </button>
    </div>
  );
}
