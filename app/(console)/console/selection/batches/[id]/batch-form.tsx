"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ChoiceField } from "@/components/choice-field";
import { TextField } from "@/components/form-field";
import { TIERS } from "@/lib/kernel/enums";
import { createBatchAction, updateBatchAction } from "@/lib/selection/batches/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

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
  reviewClosesAt?: string | null;
  minExperts: number;
  spreadThreshold: number;
};

/** The batch's settings: create a draft, or edit it while it is still a draft. */
export function BatchForm({ mode, values, batchId }: { mode: "create" | "edit"; values: BatchFormValues; batchId?: string }) {
  const t = useTranslations("selection.batchForm");
  const tSelection = useTranslations("selection");
  const tEnums = useTranslations("enums");
  const router = useRouter();
  const step = useStep();

  const submit = (form: FormData) => {
    if (batchId) form.set("batchId", batchId);
    // A new batch opens on its own page; an edited one stays here with "saved".
    if (mode === "create")
      step.run(() => createBatchAction(form), { onDone: (data) => router.push(`/console/selection/batches/${(data as { id: string }).id}`), refresh: false });
    else step.run(() => updateBatchAction(form), { success: t("saved") });
  };

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
      issues={step.errors[name]}
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
          issues={step.errors.kind}
        />
        {field("nameZh", "text", { required: true, maxLength: 60 })}
        {field("nameEn", "text", { maxLength: 120 })}
        {field("targetCount", "number", { min: 1, required: true })}
        {field("defaultQuota", "number", { min: 0, required: true })}
        {field("windowOpensAt", "datetime-local", { required: true })}
        {field("windowClosesAt", "datetime-local", { required: true })}
        {field("reviewClosesAt", "datetime-local")}
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
            issues={step.errors[name]}
          />
        ))}
      </div>
      <FormStatus {...step.status} />
      <Button type="submit" disabled={!step.ready}>
        {mode === "create" ? t("create") : t("save")}
      </Button>
    </form>
  );
}
