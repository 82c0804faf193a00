"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/choice-field";
import { TextAreaField } from "@/components/form-field";
import { decideAction } from "@/lib/selection/results/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

/** The ministry's decision on one application: selected or not, always with a reason. */
export function DecisionForm({
  applicationId,
  schoolName,
  selected,
  reason,
}: {
  applicationId: string;
  schoolName: string;
  selected: boolean | null;
  reason: string;
}) {
  const t = useTranslations("selection.results");
  const id = useId();
  const [choice, setChoice] = useState<string>(selected === null ? "" : selected ? "yes" : "no");
  const [text, setText] = useState(reason);
  const step = useStep();
  return (
    <div className="space-y-1">
      <ChoiceField
        id={`${id}-choice`}
        name={`${id}-choice`}
        label={t("decisionFor", { school: schoolName })}
        labelHidden
        selected={[choice]}
        onChoose={(value) => setChoice(value)}
        options={[
          { value: "yes", label: t("select") },
          { value: "no", label: t("reject") },
        ]}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={t("reason")}
        labelHidden
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t("reason")}
        dense
        inputClassName="min-w-56"
      />
      <Button
        size="xs"
        disabled={!step.ready || !choice}
        onClick={() =>
          step.run(() => decideAction({ applicationId, selected: choice === "yes", reason: text }), {
            success: t("decided"),
            // A missing reason is the only field a decision has: say which, not "check the form".
            describe: (failure) => (failure.code === "VALIDATION" && !failure.detail ? t("reasonRequired") : undefined),
          })
        }
      >
        {t("saveDecision")}
      </Button>
      <FormStatus {...step.status} />
    </div>
  );
}
