"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/choice-field";
import { saveRecommendationsAction } from "@/lib/selection/applications/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

type App = { id: string; label: string; recommended: boolean; rank: number | null };

/**
 * The authority's recommendation list: tick the applications to recommend and order them (1 =
 * first). Over the quota is refused by the server with the quota named.
 */
export function RecommendForm({ batchId, apps, quota }: { batchId: string; apps: App[]; quota: number }) {
  const t = useTranslations("selection.recommend");
  const initial = apps
    .filter((app) => app.recommended)
    .sort((first, second) => (first.rank ?? 99) - (second.rank ?? 99))
    .map((app) => app.id);
  const [order, setOrder] = useState<string[]>(initial);
  const step = useStep();
  const toggle = (id: string) => setOrder((current) => (current.includes(id) ? current.filter((chosen) => chosen !== id) : [...current, id]));
  const move = (id: string, offset: -1 | 1) =>
    setOrder((current) => {
      const from = current.indexOf(id);
      const to = from + offset;
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
      <FormStatus {...step.status} />
      <Button size="sm" disabled={!step.ready} onClick={() => step.run(() => saveRecommendationsAction({ batchId, ordered: order }), { success: t("saved") })}>
        {t("save")}
      </Button>
    </div>
  );
}
