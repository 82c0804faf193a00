"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
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
    <fieldset className="space-y-1">
      <legend className="sr-only">{t("decisionFor", { school: schoolName })}</legend>
      <div className="flex gap-3 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" name={`${id}-c`} value="yes" checked={choice === "yes"} onChange={() => setChoice("yes")} />
          {t("select")}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${id}-c`} value="no" checked={choice === "no"} onChange={() => setChoice("no")} />
          {t("reject")}
        </label>
      </div>
      <label htmlFor={`${id}-r`} className="sr-only">
        {t("reason")}
      </label>
      <textarea
        id={`${id}-r`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        placeholder={t("reason")}
        className="w-full min-w-56 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <button
        type="button"
        disabled={!hydrated || !choice || pending}
        onClick={() =>
          start(async () => {
            setStatus({});
            const r = await decideAction({ applicationId, selected: choice === "yes", reason: text });
            if (!r.ok) return setStatus({ error: r.code === "VALIDATION" && !r.detail ? t("reasonRequired") : message(r) });
            setStatus({ success: t("decided") });
            router.refresh();
          })
        }
        className="rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("saveDecision")}
      </button>
      <FormStatus error={status.error} success={status.success} />
    </fieldset>
  );
}
