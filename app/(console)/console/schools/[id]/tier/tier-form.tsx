"use client";

import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FieldErrorList, describedBy } from "@/components/field-error-list";
import { changeTierAction } from "@/lib/school-changes/actions";
import { ChangeResultMessage } from "../status/change-result-message";

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

type Target = { tier: string; needsOverride: boolean; approvalBody: "PROVINCIAL_GOVERNMENT" | "PROVINCIAL_HR_BUREAU" };

/** Tier change: one step up or down; a skip needs "approved exception" and a written justification. */
export function TierForm({ school, targets, today }: { school: { id: string; version: number }; targets: Target[]; today: string }) {
  const t = useTranslations("lifecycle");
  const te = useTranslations("enums");
  const [state, dispatch, pending] = useActionState(changeTierAction, null);
  const [, startTransition] = useTransition();
  const [to, setTo] = useState("");
  const [override, setOverride] = useState(false);
  const [seen, setSeen] = useState(school.version);
  if (seen !== school.version) {
    setSeen(school.version);
    setTo("");
    setOverride(false);
  }
  const target = targets.find((x) => x.tier === to);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const body = target?.approvalBody ?? "PROVINCIAL_HR_BUREAU";

  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => dispatch(fd));
      }}
    >
      <ChangeResultMessage state={state} successKey="tier.saved" />
      <input type="hidden" name="schoolId" value={school.id} />
      <input type="hidden" name="version" value={school.version} />
      <div key={school.version} className="space-y-4">
        <div>
          <label htmlFor="toTier" className="block text-sm font-medium">
            {t("tier.toTier")}
          </label>
          <select id="toTier" name="toTier" value={to} onChange={(e) => setTo(e.target.value)} className={input} {...describedBy("toTier-err", errors?.toTier)}>
            <option value="">{t("choose")}</option>
            {targets.map((x) => (
              <option key={x.tier} value={x.tier}>
                {te(`tier.${x.tier}`)}
                {x.needsOverride ? ` — ${t("tier.skipMark")}` : ""}
              </option>
            ))}
          </select>
          <FieldErrorList id="toTier-err" issues={errors?.toTier} />
        </div>
        {target?.needsOverride ? (
          <fieldset className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
            <legend className="px-1 text-sm font-medium text-amber-900">{t("tier.overrideLegend")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="override" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              {t("tier.override")}
            </label>
            <div>
              <label htmlFor="justification" className="block text-sm font-medium">
                {t("tier.justification")}
              </label>
              <textarea id="justification" name="justification" rows={3} className={input} {...describedBy("justification-err", errors?.justification)} />
              <FieldErrorList id="justification-err" issues={errors?.justification} />
            </div>
          </fieldset>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor="approvalDocNo" className="block text-sm font-medium">
              {t(`tier.docNo.${body}`)}
            </label>
            <input id="approvalDocNo" name="approvalDocNo" className={input} {...describedBy("approvalDocNo-err", errors?.approvalDocNo)} />
            <FieldErrorList id="approvalDocNo-err" issues={errors?.approvalDocNo} />
          </div>
          <div>
            <label htmlFor="approvalDate" className="block text-sm font-medium">
              {t("tier.approvalDate")}
            </label>
            <input id="approvalDate" name="approvalDate" type="date" max={today} className={input} {...describedBy("approvalDate-err", errors?.approvalDate)} />
            <FieldErrorList id="approvalDate-err" issues={errors?.approvalDate} />
          </div>
          <div>
            <label htmlFor="effectiveDate" className="block text-sm font-medium">
              {t("effectiveDate")}
            </label>
            <input id="effectiveDate" name="effectiveDate" type="date" max={today} className={input} {...describedBy("effectiveDate-err", errors?.effectiveDate)} />
            <FieldErrorList id="effectiveDate-err" issues={errors?.effectiveDate} />
          </div>
        </div>
      </div>
      <p className="text-sm text-slate-600">{t("tier.sameSchool")}</p>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("saving") : t("tier.submit")}
      </button>
    </form>
  );
}
