"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { endAccountSessionsAction, resetAccountPasswordAction, setAccountDisabledAction } from "@/lib/accounts/actions";
import { Panel } from "@/components/panel";

type Step = "disable" | "reset" | "endSessions" | null;

/** Disable / enable, force a password reset, end sessions — each behind a confirmation. */
export function AccountActions({ id, disabled }: { id: string; disabled: boolean }) {
  const t = useTranslations("accounts.detail");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [step, setStep] = useState<Step>(null);
  const [message, setMessage] = useState<{ text: string; password?: string; error?: boolean } | null>(null);
  const [busy, start] = useTransition();

  const form = (extra: Record<string, string> = {}) => {
    const formData = new FormData();
    formData.set("id", id);
    for (const [name, value] of Object.entries(extra)) formData.set(name, value);
    return formData;
  };
  type Msg = NonNullable<typeof message>;
  const run = <R extends { ok: true } | { ok: false; code: string }>(call: () => Promise<R>, ok: (result: Extract<R, { ok: true }>) => Msg) =>
    start(async () => {
      const result = await call();
      setStep(null);
      setMessage(result.ok ? ok(result as Extract<R, { ok: true }>) : { text: tErrors((result as { code: string }).code), error: true });
      router.refresh();
    });

  const enable = () =>
    run(
      () => setAccountDisabledAction(form({ disabled: "false" })),
      () => ({ text: t("enabled") }),
    );
  const confirm = () => {
    if (step === "disable")
      run(
        () => setAccountDisabledAction(form({ disabled: "true" })),
        () => ({ text: t("disabled") }),
      );
    if (step === "reset")
      run(
        () => resetAccountPasswordAction(form()),
        (result) => ({ text: t("resetDone"), password: result.data.temporaryPassword }),
      );
    if (step === "endSessions")
      run(
        () => endAccountSessionsAction(form()),
        (result) => ({ text: t("sessionsEnded", { count: result.data.ended }) }),
      );
  };
  const button = "rounded border border-slate-400 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60";
  return (
    <Panel title={t("actions")}>
      {message ? (
        <div
          role={message.error ? "alert" : "status"}
          className={`rounded border p-2 text-sm ${message.error ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}
        >
          {message.text}
          {message.password ? (
            <code data-testid="temporary-password" className="ml-2 rounded bg-white px-2 py-1 font-mono text-base">
              {message.password}
            </code>
          ) : null}
        </div>
      ) : null}
      {step ? (
        <ConfirmPanel
          title={t(`${step}Title`)}
          body={t(`${step}Body`)}
          confirmLabel={t("confirm")}
          cancelLabel={t("cancel")}
          onConfirm={confirm}
          onCancel={() => setStep(null)}
          busy={busy}
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          {disabled ? (
            <button type="button" onClick={enable} disabled={busy} className={button}>
              {t("enable")}
            </button>
          ) : (
            <button type="button" onClick={() => setStep("disable")} className={button}>
              {t("disable")}
            </button>
          )}
          <button type="button" onClick={() => setStep("reset")} className={button}>
            {t("reset")}
          </button>
          <button type="button" onClick={() => setStep("endSessions")} className={button}>
            {t("endSessions")}
          </button>
        </div>
      )}
    </Panel>
  );
}
