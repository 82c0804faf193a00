"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { ConfirmPanel } from "@/components/confirm-panel";
import { TextField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { approveAccountRequestAction, cancelAccountRequestAction, rejectAccountRequestAction } from "@/lib/accounts/requests/actions";
import { PasswordHalf } from "../password-half";
import { formOf, useAccountStep, type StepOutcome } from "../use-account-step";
import { useRefusalText } from "../use-refusal-text";

type Step = "approve" | "reject" | "cancel";
type Request = { id: string; kind: string; username: string };

/**
 * The decision on one pending request, behind a confirmation: approve, reject (with a reason), or
 * withdraw one's own. An approval that sets a password shows the approver's half here, once; the
 * page is not refreshed under it (the list shows the decision on the next visit).
 */
export function RequestDecision({
  request,
  canDecide,
  refusal,
  canCancel,
}: {
  request: Request;
  canDecide: boolean;
  refusal: string | null;
  canCancel: boolean;
}) {
  const t = useTranslations("accounts.requests");
  const refusalText = useRefusalText();
  const { run, busy, reasonIssues } = useAccountStep();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<{ text: string; half?: string; error?: boolean } | null>(null);

  const finish =
    <T,>(ok: (data: T) => { text: string; half?: string }) =>
    (outcome: StepOutcome<T>) => {
      setStep(null);
      setDone(outcome.ok ? ok(outcome.data) : { text: outcome.text, error: true });
    };
  const requestId = request.id;
  const kind = t(`kinds.${request.kind}`);
  const confirm = () => {
    if (step === "approve")
      run(
        () => approveAccountRequestAction(formOf({ requestId })),
        finish((data) => ({ text: t("approved", { kind, username: data.username }), half: data.approverHalf ?? undefined })),
        false,
      );
    if (step === "reject")
      run(
        () => rejectAccountRequestAction(formOf({ requestId, reason })),
        finish(() => ({ text: t("rejected") })),
      );
    if (step === "cancel")
      run(
        () => cancelAccountRequestAction(formOf({ requestId })),
        finish(() => ({ text: t("cancelled") })),
      );
  };

  if (done) {
    return (
      <div className="space-y-2">
        <Notice tone={done.error ? "error" : "success"}>{done.text}</Notice>
        {done.half ? <PasswordHalf half="approver" value={done.half} /> : null}
      </div>
    );
  }
  if (step) {
    return (
      <ConfirmPanel
        title={t(`${step}Title`)}
        body={
          step === "reject" ? (
            <TextField
              name="reason"
              label={t("rejectReason")}
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              issues={reasonIssues}
            />
          ) : step === "approve" ? (
            t("approveBody", { kind, username: request.username })
          ) : (
            t("cancelBody")
          )
        }
        confirmLabel={step === "reject" ? t("reject") : t("confirm")}
        cancelLabel={t("back")}
        onConfirm={confirm}
        onCancel={() => setStep(null)}
        busy={busy}
      />
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canDecide ? (
        <>
          <Button type="button" onClick={() => setStep("approve")}>
            {t("approve")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setStep("reject")}>
            {t("reject")}
          </Button>
        </>
      ) : (
        <span className="text-sm text-slate-600">{refusal ? refusalText({ code: "FORBIDDEN", detail: { reason: refusal } }) : t("notYours")}</span>
      )}
      {canCancel ? (
        <Button type="button" variant="secondary" onClick={() => setStep("cancel")}>
          {t("cancel")}
        </Button>
      ) : null}
    </div>
  );
}
