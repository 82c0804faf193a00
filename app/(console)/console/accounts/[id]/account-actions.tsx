"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { Panel } from "@/components/panel";
import { endAccountSessionsAction, resetAccountPasswordAction, setAccountDisabledAction } from "@/lib/accounts/actions";
import { requestAccountChangeAction } from "@/lib/accounts/requests/actions";
import { PasswordHalf } from "../password-half";
import { formOf, useAccountStep, type StepOutcome } from "../use-account-step";

type Step = "disable" | "enable" | "reset" | "endSessions";
type Message = { text: string; password?: string; half?: string; error?: boolean };

/** What each step asks for when the account is privileged (docs/decisions/0052). */
const KIND = { disable: "DISABLE", enable: "ENABLE", reset: "RESET_PASSWORD", endSessions: "END_SESSIONS" } as const;
const REQUEST_LABEL = { disable: "requestDisable", enable: "requestEnable", reset: "requestReset", endSessions: "requestEndSessions" } as const;

/**
 * Disable / enable, force a password reset, end sessions — each behind a confirmation. On a
 * privileged account each one is a request with a reason instead, carried out when another person
 * approves it; a reset request shows the requester's half of the one-time password, once.
 */
export function AccountActions({ id, disabled, privileged }: { id: string; disabled: boolean; privileged: boolean }) {
  const t = useTranslations("accounts.detail");
  const tRequests = useTranslations("accounts.requests");
  const format = useFormatter();
  const { run, busy, reasonIssues } = useAccountStep();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<Message | null>(null);

  const finish =
    <T,>(ok: (data: T) => Message) =>
    (outcome: StepOutcome<T>) => {
      setStep(null);
      setReason("");
      setMessage(outcome.ok ? ok(outcome.data) : { text: outcome.text, error: true });
    };
  const direct = (which: Step) => {
    if (which === "disable" || which === "enable") {
      const off = which === "disable";
      run(
        () => setAccountDisabledAction(formOf({ id, disabled: String(off) })),
        finish(() => ({ text: t(off ? "disabled" : "enabled") })),
      );
    }
    if (which === "reset")
      run(
        () => resetAccountPasswordAction(formOf({ id })),
        finish((data) => ({ text: t("resetDone"), password: data.temporaryPassword })),
      );
    if (which === "endSessions")
      run(
        () => endAccountSessionsAction(formOf({ id })),
        finish((data) => ({ text: t("sessionsEnded", { count: data.ended }) })),
      );
  };
  const request = (which: Step) =>
    run(
      () => requestAccountChangeAction(formOf({ id, kind: KIND[which], reason })),
      finish((data) => ({
        text: tRequests("filed", { time: format.dateTime(data.expiresAt, { dateStyle: "medium", timeStyle: "short" }) }),
        half: data.requesterHalf ?? undefined,
      })),
    );
  const confirm = () => step && (privileged ? request(step) : direct(step));
  // Enabling a non-privileged account needs no confirmation (it takes nothing away).
  const open = (which: Step) => (which === "enable" && !privileged ? direct(which) : setStep(which));
  const label = (which: Step) => (privileged ? tRequests(REQUEST_LABEL[which]) : t(which));

  const button = "rounded border border-slate-400 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60";
  return (
    <Panel title={t("actions")}>
      {message ? (
        <div className="space-y-2">
          <Notice tone={message.error ? "error" : "success"}>
            {message.text}
            {message.password ? (
              <code data-testid="temporary-password" className="ml-2 rounded bg-white px-2 py-1 font-mono text-base">
                {message.password}
              </code>
            ) : null}
          </Notice>
          {message.half ? <PasswordHalf half="requester" value={message.half} /> : null}
        </div>
      ) : null}
      {step ? (
        <ConfirmPanel
          title={privileged ? label(step) : t(`${step}Title`)}
          body={
            privileged ? (
              <TextField
                name="reason"
                label={tRequests("reason")}
                hint={tRequests("reasonHint")}
                required
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                issues={reasonIssues}
              />
            ) : (
              t(`${step}Body`)
            )
          }
          confirmLabel={privileged ? tRequests("submitRequest") : t("confirm")}
          cancelLabel={t("cancel")}
          onConfirm={confirm}
          onCancel={() => setStep(null)}
          busy={busy}
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          {(["reset", disabled ? "enable" : "disable", "endSessions"] as const).map((which) => (
            <button key={which} type="button" onClick={() => open(which)} disabled={busy} className={button}>
              {label(which)}
            </button>
          ))}
        </div>
      )}
    </Panel>
  );
}
