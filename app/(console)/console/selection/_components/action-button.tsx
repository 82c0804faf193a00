"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonLook } from "@/components/button";
import { ConfirmPanel } from "@/components/confirm-panel";
import { FormStatus } from "@/components/form-status";
import { useStep, type StepResult } from "@/components/selection/use-step";

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
  action: (input: Record<string, unknown>) => Promise<StepResult>;
  input: Record<string, unknown>;
  label: string;
  confirm?: { title: string; body: string };
  variant?: ButtonLook["variant"];
  redirectTo?: string;
}) {
  const t = useTranslations("selection.common");
  const router = useRouter();
  const step = useStep();
  const [asking, setAsking] = useState(false);
  const run = () =>
    step.run(() => action(input), {
      onSettled: () => setAsking(false),
      onDone: () => (redirectTo ? router.push(redirectTo) : undefined),
    });
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
          busy={step.pending}
        />
      ) : (
        <Button
          variant={variant}
          size="sm"
          disabled={!step.ready}
          pending={step.pending}
          pendingLabel={t("working")}
          onClick={() => (confirm ? setAsking(true) : run())}
        >
          {label}
        </Button>
      )}
      <FormStatus error={step.status.error} />
    </div>
  );
}
