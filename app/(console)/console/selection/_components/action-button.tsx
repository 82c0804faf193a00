"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

type Result = { ok: true; data: unknown } | { ok: false; code: string; detail?: Record<string, unknown> };

/**
 * One workflow step as a button: runs the server action with a fixed input, shows the refusal
 * (why, in words) next to it, and asks for confirmation first when the step cannot be undone.
 */
export function ActionButton({
  action,
  input,
  label,
  confirm,
  variant = "primary",
  redirectTo,
}: {
  action: (input: Record<string, unknown>) => Promise<Result>;
  input: Record<string, unknown>;
  label: string;
  confirm?: { title: string; body: string };
  variant?: "primary" | "secondary" | "danger";
  redirectTo?: string;
}) {
  const t = useTranslations("selection.common");
  const message = useResultMessage();
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const run = () =>
    start(async () => {
      setError(null);
      const result = await action(input);
      setAsking(false);
      if (!result.ok) return setError(message(result));
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    });
  const variantClass =
    variant === "danger"
      ? "bg-red-700 text-white hover:bg-red-800"
      : variant === "secondary"
        ? "border border-slate-400 bg-white hover:bg-slate-100"
        : "bg-brand-700 text-white hover:bg-brand-800";
  return (
    <div className="space-y-2">
      {asking && confirm ? (
        <ConfirmPanel
          title={confirm.title}
          body={confirm.body}
          confirmLabel={label}
          cancelLabel={t("cancel")}
          onConfirm={run}
          onCancel={() => setAsking(false)}
          busy={pending}
        />
      ) : (
        <button
          type="button"
          disabled={!hydrated || pending}
          onClick={() => (confirm ? setAsking(true) : run())}
          className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${variantClass}`}
        >
          {pending ? t("working") : label}
        </button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
