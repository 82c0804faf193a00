"use client";

import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/form-field";
import { changeSchoolMajorStatusAction } from "@/lib/school-majors/actions";
import { Button } from "@/components/button";

/** Per-row status change of a school major; 撤销 (withdrawn) asks for confirmation first. */
export function MajorStatusControl({ id, status, targets, label }: { id: string; status: string; targets: string[]; label: string }) {
  const t = useTranslations("schoolMajors");
  const tEnums = useTranslations("enums");
  const tErrors = useTranslations("errors");
  const [state, dispatch, pending] = useActionState(changeSchoolMajorStatusAction, null);
  const [, startTransition] = useTransition();
  const [to, setTo] = useState("");
  const [confirming, setConfirming] = useState(false);
  if (targets.length === 0) return <span className="text-slate-500">—</span>;
  const send = () => {
    const formData = new FormData();
    formData.set("schoolMajorId", id);
    formData.set("fromStatus", status);
    formData.set("toStatus", to);
    setConfirming(false);
    startTransition(() => dispatch(formData));
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SelectField
        id={`status-${id}`}
        label={t("row.changeStatusOf", { major: label })}
        labelHidden
        inline
        dense
        width="auto"
        value={to}
        onChange={(event) => setTo(event.target.value)}
        placeholder={t("row.changeTo")}
        options={targets.map((target) => ({ value: target, label: tEnums(`schoolMajorStatus.${target}`) }))}
      />
      {confirming ? (
        <span role="alertdialog" aria-label={t("row.confirmWithdraw")} className="flex items-center gap-2 text-sm text-red-800">
          {t("row.confirmWithdraw")}
          <Button type="button" onClick={send} variant="danger" size="xs">
            {t("row.confirm")}
          </Button>
          <button type="button" autoFocus onClick={() => setConfirming(false)} className="rounded border border-slate-400 px-2 py-1">
            {t("row.cancel")}
          </button>
        </span>
      ) : (
        <button
          type="button"
          disabled={!to || pending}
          onClick={() => (to === "WITHDRAWN" ? setConfirming(true) : send())}
          className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-50"
        >
          {t("row.apply")}
        </button>
      )}
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {tErrors(state.code)}
        </span>
      ) : null}
    </div>
  );
}
