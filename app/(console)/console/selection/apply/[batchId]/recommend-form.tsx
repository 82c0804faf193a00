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
    .filter((app) => app.recommended)
    .sort((first, second) => (first.rank ?? 99) - (second.rank ?? 99))
    .map((app) => app.id);
  const [order, setOrder] = useState<string[]>(initial);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const toggle = (id: string) => setOrder((current) => (current.includes(id) ? current.filter((chosen) => chosen !== id) : [...current, id]));
  const move = (id: string, step: -1 | 1) =>
    setOrder((current) => {
      const from = current.indexOf(id);
      const to = from + step;
      if (from < 0 || to < 0 || to >= current.length) return current;
      const next = [...current];
      [next[from], next[to]] = [next[to], next[from]];
      return next;
    });
  const byId = new Map(apps.map((app) => [app.id, app]));
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
          {order.map((id, index) => (
            <li key={id} className="flex items-center gap-2 text-sm">
              <span className="w-6 text-right tabular-nums">{index + 1}.</span>
              <span className="flex-1">{byId.get(id)?.label}</span>
              <button
                type="button"
                onClick={() => move(id, -1)}
                disabled={index === 0}
                className="rounded border px-2 disabled:opacity-40"
                aria-label={t("up", { name: byId.get(id)?.label ?? "" })}
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(id, 1)}
                disabled={index === order.length - 1}
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
            const result = await saveRecommendationsAction({ batchId, ordered: order });
            if (!result.ok) return setStatus({ error: message(result) });
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
