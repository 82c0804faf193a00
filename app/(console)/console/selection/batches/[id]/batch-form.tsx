"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/choice-field";
import type { FieldIssue } from "@/components/field-error-list";
import { TextField } from "@/components/form-field";
import { TIERS } from "@/lib/kernel/enums";
import { createBatchAction, updateBatchAction } from "@/lib/selection/batches/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

/** Who may apply: the tiers, and the statuses of a school on the register (closed ones never apply). */
const eligibility = [
  { name: "eligibleTiers", group: "tier", choices: TIERS },
  { name: "eligibleStatuses", group: "status", choices: ["OPERATING", "ENROLMENT_SUSPENDED", "RECTIFYING", "PREPARING"] },
] as const;

export type BatchFormValues = {
  year: number;
  nameZh?: string;
  nameEn?: string | null;
  kind: "SCHOOL" | "MAJOR";
  targetCount: number;
  eligibleTiers: readonly string[];
  eligibleStatuses: readonly string[];
  defaultQuota: number;
  windowOpensAt: string;
  windowClosesAt: string;
  noticeDays: number;
  minExperts: number;
  spreadThreshold: number;
};

/** The batch's settings: create a draft, or edit it while it is still a draft. */
export function BatchForm({ mode, values, batchId }: { mode: "create" | "edit"; values: BatchFormValues; batchId?: string }) {
  const t = useTranslations("selection.batchForm");
  const tSelection = useTranslations("selection");
  const tEnums = useTranslations("enums");
  const message = useResultMessage();
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, FieldIssue[]>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});

  const submit = (form: FormData) =>
    start(async () => {
      setStatus({});
      if (batchId) form.set("batchId", batchId);
      const result = mode === "create" ? await createBatchAction(form) : await updateBatchAction(form);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setStatus({ error: message(result) });
      }
      setErrors({});
      if (mode === "create" && result.data && typeof result.data === "object" && "id" in result.data)
        router.push(`/console/selection/batches/${(result.data as { id: string }).id}`);
      else {
        setStatus({ success: t("saved") });
        router.refresh();
      }
    });

  const field = (
    name: keyof BatchFormValues,
    type: string,
    control: { min?: number; max?: number; step?: string; maxLength?: number; required?: boolean } = {},
  ) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      type={type}
      defaultValue={(values[name] as string | number | null | undefined) ?? ""}
      issues={errors[name]}
      {...control}
    />
  );

  return (
    <form
      onSubmit={(event) => {
        // Not a form action: React would reset the fields after a refusal.
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {field("year", "number", { min: 2020, max: 2100, required: true })}
        <ChoiceField
          name="kind"
          label={t("fields.kind")}
          defaultSelected={[values.kind]}
          options={(["SCHOOL", "MAJOR"] as const).map((kind) => ({ value: kind, label: tSelection(`kind.${kind}`) }))}
          issues={errors.kind}
        />
        {field("nameZh", "text", { required: true, maxLength: 60 })}
        {field("nameEn", "text", { maxLength: 120 })}
        {field("targetCount", "number", { min: 1, required: true })}
        {field("defaultQuota", "number", { min: 0, required: true })}
        {field("windowOpensAt", "datetime-local", { required: true })}
        {field("windowClosesAt", "datetime-local", { required: true })}
        {field("noticeDays", "number", { min: 0, max: 30, required: true })}
        {field("minExperts", "number", { min: 1, max: 9, required: true })}
        {field("spreadThreshold", "number", { min: 0, max: 100, step: "0.1", required: true })}
      </div>
      <p className="text-xs text-slate-600">{t("timeZoneHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {eligibility.map(({ name, group, choices }) => (
          <ChoiceField
            key={name}
            type="checkbox"
            id={name}
            name={`${name}[]`}
            label={t(`fields.${name}`)}
            column
            defaultSelected={values[name]}
            options={choices.map((value) => ({ value, label: tEnums(`${group}.${value}`) }))}
            issues={errors[name]}
          />
        ))}
      </div>
      <FormStatus error={status.error} success={status.success} />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {mode === "create" ? t("create") : t("save")}
      </button>
    </form>
  );
}
