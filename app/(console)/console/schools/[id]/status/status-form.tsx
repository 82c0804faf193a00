"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { SelectField, TextAreaField, TextField } from "@/components/form-field";
import { SearchSelect, type SearchOption } from "@/components/search-select";
import { changeStatusAction } from "@/lib/school-changes/actions";
import type { StatusOption } from "@/lib/school-changes/loaders";
import { ChangeForm, SubmitButton } from "./change-form";

/** The status change form: only the allowed targets; a confirmation step before terminal ones. */
export function StatusForm({
  school,
  options,
  candidates,
  today,
}: {
  school: { id: string; version: number; status: string };
  options: StatusOption[];
  candidates: SearchOption[];
  today: string;
}) {
  const t = useTranslations("lifecycle");
  const tEnums = useTranslations("enums");
  const [to, setTo] = useState(options.length === 1 ? options[0].to : "");
  const [confirming, setConfirming] = useState<FormData | null>(null);
  // After a saved change the page re-renders with a new version: start the form afresh.
  const [seen, setSeen] = useState(school.version);
  if (seen !== school.version) {
    setSeen(school.version);
    setTo(options.length === 1 ? options[0].to : "");
  }
  const option = options.find((candidate) => candidate.to === to);

  return (
    <ChangeForm
      school={school}
      action={changeStatusAction}
      successKey="status.saved"
      beforeSubmit={(formData) => {
        if (!option?.terminal) return true;
        setConfirming(formData);
        return false;
      }}
      footer={({ pending, submit }) =>
        confirming ? (
          <ConfirmPanel
            title={t("status.confirmTitle", { to: tEnums(`status.${to}`) })}
            body={t("status.confirmBody")}
            confirmLabel={t("status.confirmButton")}
            cancelLabel={t("status.confirmCancel")}
            busy={pending}
            onCancel={() => setConfirming(null)}
            onConfirm={() => {
              confirming.set("confirmIrreversible", "on");
              setConfirming(null);
              submit(confirming);
            }}
          />
        ) : (
          <SubmitButton pending={pending} label={t("status.submit")} pendingLabel={t("saving")} />
        )
      }
    >
      {({ errors }) => (
        <>
          <SelectField
            name="toStatus"
            label={t("status.toStatus")}
            required
            value={to}
            onChange={(event) => setTo(event.target.value)}
            issues={errors?.toStatus}
          >
            {options.length > 1 ? <option value="">{t("choose")}</option> : null}
            {options.map((choice) => (
              <option key={choice.to} value={choice.to}>
                {tEnums(`status.${choice.to}`)}
                {choice.terminal ? ` — ${t("status.terminalMark")}` : ""}
              </option>
            ))}
          </SelectField>
          <SelectField name="reasonCode" label={t("status.reasonCode")} required key={to} defaultValue="" issues={errors?.reasonCode}>
            <option value="">{t("choose")}</option>
            {option?.reasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`reason.${reason}`)}
              </option>
            ))}
          </SelectField>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="documentNo" label={t("documentNo")} required placeholder={t("documentNoPlaceholder")} issues={errors?.documentNo} />
            <TextField
              name="effectiveDate"
              label={t("effectiveDate")}
              required
              type="date"
              max={today}
              hint={t("effectiveDateHint", { today })}
              issues={errors?.effectiveDate}
            />
          </div>
          {option?.needsSuccessor ? (
            <SearchSelect
              name="successorId"
              label={t("status.successor")}
              searchLabel={t("status.successorSearch")}
              options={candidates}
              emptyText={t("status.noCandidates")}
              issues={errors?.successorId}
            />
          ) : null}
          {option?.needsConversionNote ? <TextField name="conversionNote" label={t("status.conversionNote")} issues={errors?.conversionNote} /> : null}
          {option?.hintMinYearsInStatus ? <p className="text-sm text-amber-800">{t("status.revocationHint", { years: option.hintMinYearsInStatus })}</p> : null}
          <TextAreaField name="note" label={t("note")} issues={errors?.note} />
        </>
      )}
    </ChangeForm>
  );
}
