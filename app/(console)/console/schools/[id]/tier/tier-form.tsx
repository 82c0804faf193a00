"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/choice-field";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { changeTierAction } from "@/lib/school-changes/actions";
import { ChangeForm, SubmitButton } from "../status/change-form";

type Target = { tier: string; needsOverride: boolean; approvalBody: "PROVINCIAL_GOVERNMENT" | "PROVINCIAL_HR_BUREAU" };

/** Tier change: one step up or down; a skip needs "approved exception" and a written justification. */
export function TierForm({ school, targets, today }: { school: { id: string; version: number }; targets: Target[]; today: string }) {
  const t = useTranslations("lifecycle");
  const tEnums = useTranslations("enums");
  const [to, setTo] = useState("");
  const [override, setOverride] = useState(false);
  const [seen, setSeen] = useState(school.version);
  if (seen !== school.version) {
    setSeen(school.version);
    setTo("");
    setOverride(false);
  }
  const target = targets.find((candidate) => candidate.tier === to);
  const body = target?.approvalBody ?? "PROVINCIAL_HR_BUREAU";

  return (
    <ChangeForm
      school={school}
      action={changeTierAction}
      successKey="tier.saved"
      footer={({ pending }) => (
        <>
          <p className="text-sm text-slate-600">{t("tier.sameSchool")}</p>
          <SubmitButton pending={pending} label={t("tier.submit")} pendingLabel={t("saving")} />
        </>
      )}
    >
      {({ errors }) => (
        <>
          <SelectField name="toTier" label={t("tier.toTier")} required value={to} onChange={(event) => setTo(event.target.value)} issues={errors?.toTier}>
            <option value="">{t("choose")}</option>
            {targets.map((choice) => (
              <option key={choice.tier} value={choice.tier}>
                {tEnums(`tier.${choice.tier}`)}
                {choice.needsOverride ? ` — ${t("tier.skipMark")}` : ""}
              </option>
            ))}
          </SelectField>
          {target?.needsOverride ? (
            <fieldset className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
              <legend className="px-1 text-sm font-medium text-amber-900">{t("tier.overrideLegend")}</legend>
              <CheckboxField name="override" label={t("tier.override")} checked={override} onChange={(event) => setOverride(event.target.checked)} />
              <TextAreaField name="justification" label={t("tier.justification")} required rows={3} issues={errors?.justification} />
            </fieldset>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField name="approvalDocNo" label={t(`tier.docNo.${body}`)} required issues={errors?.approvalDocNo} />
            <TextField name="approvalDate" label={t("tier.approvalDate")} required type="date" max={today} issues={errors?.approvalDate} />
            <TextField name="effectiveDate" label={t("effectiveDate")} required type="date" max={today} issues={errors?.effectiveDate} />
          </div>
        </>
      )}
    </ChangeForm>
  );
}
