"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrorList, type FieldIssue } from "@/components/field-error-list";
import { createBatchAction, updateBatchAction } from "@/lib/selection/batches/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

const TIERS = ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"] as const;
const STATUSES = ["OPERATING", "ENROLMENT_SUSPENDED", "RECTIFYING", "PREPARING"] as const;

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
  const tb = useTranslations("selection");
  const te = useTranslations("enums");
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
      const r = mode === "create" ? await createBatchAction(form) : await updateBatchAction(form);
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        return setStatus({ error: message(r) });
      }
      setErrors({});
      if (mode === "create" && r.data && typeof r.data === "object" && "id" in r.data)
        router.push(`/console/selection/batches/${(r.data as { id: string }).id}`);
      else {
        setStatus({ success: t("saved") });
        router.refresh();
      }
    });

  const field = (name: keyof BatchFormValues, type: string, extra: Record<string, unknown> = {}) => (
    <div>
      <label htmlFor={`bf-${name}`} className="block text-sm font-medium">
        {t(`fields.${name}`)}
      </label>
      <input
        id={`bf-${name}`}
        name={name}
        type={type}
        defaultValue={(values[name] as string | number | null | undefined) ?? ""}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        {...describedBy(`bf-${name}-err`, errors[name])}
        {...extra}
      />
      <FieldErrorList id={`bf-${name}-err`} issues={errors[name]} />
    </div>
  );

  return (
    <form
      onSubmit={(e) => {
        // Not a form action: React would reset the fields after a refusal.
        e.preventDefault();
        submit(new FormData(e.currentTarget));
      }}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {field("year", "number", { min: 2020, max: 2100, required: true })}
        <fieldset>
          <legend className="text-sm font-medium">{t("fields.kind")}</legend>
          <div className="mt-2 flex gap-4">
            {(["SCHOOL", "MAJOR"] as const).map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} />
                {tb(`kind.${k}`)}
              </label>
            ))}
          </div>
          <FieldErrorList id="bf-kind-err" issues={errors.kind} />
        </fieldset>
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
        <fieldset aria-describedby={errors.eligibleTiers ? "bf-tiers-err" : undefined}>
          <legend className="text-sm font-medium">{t("fields.eligibleTiers")}</legend>
          {TIERS.map((x) => (
            <label key={x} className="mt-1 flex items-center gap-2">
              <input type="checkbox" name="eligibleTiers[]" value={x} defaultChecked={values.eligibleTiers.includes(x)} />
              {te(`tier.${x}`)}
            </label>
          ))}
          <FieldErrorList id="bf-tiers-err" issues={errors.eligibleTiers} />
        </fieldset>
        <fieldset aria-describedby={errors.eligibleStatuses ? "bf-statuses-err" : undefined}>
          <legend className="text-sm font-medium">{t("fields.eligibleStatuses")}</legend>
          {STATUSES.map((x) => (
            <label key={x} className="mt-1 flex items-center gap-2">
              <input type="checkbox" name="eligibleStatuses[]" value={x} defaultChecked={values.eligibleStatuses.includes(x)} />
              {te(`status.${x}`)}
            </label>
          ))}
          <FieldErrorList id="bf-statuses-err" issues={errors.eligibleStatuses} />
        </fieldset>
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
