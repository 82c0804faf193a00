"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/choice-field";
import { TextAreaField } from "@/components/form-field";
import { decideAction } from "@/lib/selection/results/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

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
  const message = useResultMessage();
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState<string>(selected === null ? "" : selected ? "yes" : "no");
  const [text, setText] = useState(reason);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
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
      <button
        type="button"
        disabled={!hydrated || !choice || pending}
        onClick={() =>
          start(async () => {
            setStatus({});
            const result = await decideAction({ applicationId, selected: choice === "yes", reason: text });
            if (!result.ok) return setStatus({ error: result.code === "VALIDATION" && !result.detail ? t("reasonRequired") : message(result) });
            setStatus({ success: t("decided") });
            router.refresh();
          })
        }
        className="rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("saveDecision")}
      </button>
      <FormStatus error={status.error} success={status.success} />
    </div>
  );
}
