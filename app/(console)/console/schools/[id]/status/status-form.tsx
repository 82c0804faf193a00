"use client";

import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ConfirmPanel } from "@/components/confirm-panel";
import { FieldErrorList, describedBy } from "@/components/field-error-list";
import { SearchSelect, type SearchOption } from "@/components/search-select";
import { changeStatusAction } from "@/lib/school-changes/actions";
import type { StatusOption } from "@/lib/school-changes/loaders";
import { ChangeResultMessage } from "./change-result-message";

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

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
  const te = useTranslations("enums");
  const [state, dispatch, pending] = useActionState(changeStatusAction, null);
  const [, startTransition] = useTransition();
  const [to, setTo] = useState(options.length === 1 ? options[0].to : "");
  const [confirming, setConfirming] = useState<FormData | null>(null);
  // After a saved change the page re-renders with a new version: start the form afresh.
  const [seen, setSeen] = useState(school.version);
  if (seen !== school.version) {
    setSeen(school.version);
    setTo(options.length === 1 ? options[0].to : "");
  }
  const option = options.find((o) => o.to === to);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submit = (fd: FormData) => startTransition(() => dispatch(fd));

  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        if (option?.terminal) setConfirming(fd);
        else submit(fd);
      }}
    >
      <ChangeResultMessage state={state} successKey="status.saved" />
      <input type="hidden" name="schoolId" value={school.id} />
      <input type="hidden" name="version" value={school.version} />
      <div key={school.version} className="space-y-4">
        <div>
          <label htmlFor="toStatus" className="block text-sm font-medium">
            {t("status.toStatus")}
          </label>
          <select id="toStatus" name="toStatus" value={to} onChange={(e) => setTo(e.target.value)} className={input} {...describedBy("toStatus-err", errors?.toStatus)}>
            {options.length > 1 ? <option value="">{t("choose")}</option> : null}
            {options.map((o) => (
              <option key={o.to} value={o.to}>
                {te(`status.${o.to}`)}
                {o.terminal ? ` — ${t("status.terminalMark")}` : ""}
              </option>
            ))}
          </select>
          <FieldErrorList id="toStatus-err" issues={errors?.toStatus} />
        </div>
        <div>
          <label htmlFor="reasonCode" className="block text-sm font-medium">
            {t("status.reasonCode")}
          </label>
          <select id="reasonCode" name="reasonCode" key={to} defaultValue="" className={input} {...describedBy("reasonCode-err", errors?.reasonCode)}>
            <option value="">{t("choose")}</option>
            {option?.reasons.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </select>
          <FieldErrorList id="reasonCode-err" issues={errors?.reasonCode} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="documentNo" className="block text-sm font-medium">
              {t("documentNo")}
            </label>
            <input id="documentNo" name="documentNo" placeholder={t("documentNoPlaceholder")} className={input} {...describedBy("documentNo-err", errors?.documentNo)} />
            <FieldErrorList id="documentNo-err" issues={errors?.documentNo} />
          </div>
          <div>
            <label htmlFor="effectiveDate" className="block text-sm font-medium">
              {t("effectiveDate")}
            </label>
            <input id="effectiveDate" name="effectiveDate" type="date" max={today} className={input} {...describedBy("effectiveDate-err", errors?.effectiveDate, "effectiveDate-hint")} />
            <p id="effectiveDate-hint" className="mt-1 text-xs text-slate-600">
              {t("effectiveDateHint", { today })}
            </p>
            <FieldErrorList id="effectiveDate-err" issues={errors?.effectiveDate} />
          </div>
        </div>
        {option?.needsSuccessor ? (
          <div>
            <SearchSelect
              name="successorId"
              label={t("status.successor")}
              searchLabel={t("status.successorSearch")}
              options={candidates}
              emptyText={t("status.noCandidates")}
              invalid={!!errors?.successorId}
              describedBy={errors?.successorId ? "successorId-err" : undefined}
            />
            <FieldErrorList id="successorId-err" issues={errors?.successorId} />
          </div>
        ) : null}
        {option?.needsConversionNote ? (
          <div>
            <label htmlFor="conversionNote" className="block text-sm font-medium">
              {t("status.conversionNote")}
            </label>
            <input id="conversionNote" name="conversionNote" className={input} {...describedBy("conversionNote-err", errors?.conversionNote)} />
            <FieldErrorList id="conversionNote-err" issues={errors?.conversionNote} />
          </div>
        ) : null}
        {option?.hintMinYearsInStatus ? <p className="text-sm text-amber-800">{t("status.revocationHint", { years: option.hintMinYearsInStatus })}</p> : null}
        <div>
          <label htmlFor="note" className="block text-sm font-medium">
            {t("note")}
          </label>
          <textarea id="note" name="note" rows={2} className={input} {...describedBy("note-err", errors?.note)} />
          <FieldErrorList id="note-err" issues={errors?.note} />
        </div>
      </div>
      {confirming ? (
        <ConfirmPanel
          title={t("status.confirmTitle", { to: te(`status.${to}`) })}
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
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? t("saving") : t("status.submit")}
        </button>
      )}
    </form>
  );
}
