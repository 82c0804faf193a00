"use client";

import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { FieldErrorList, describedBy } from "@/components/field-error-list";
import type { Issue } from "@/lib/validation/issues";
import type { CurrentCatalogue } from "@/lib/majors/data";
import { addSchoolMajorAction } from "@/lib/school-majors/actions";

const input = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
const LEVELS = ["INTERMEDIATE", "ADVANCED", "PRE_TECHNICIAN"] as const;
const STARTS = ["JUNIOR_SECONDARY", "SENIOR_SECONDARY"] as const;

/**
 * Add a major from the current catalogue: category, then major; level, starting point, years.
 * A level that does not fit the tier comes back as a warning; the second submit, with the
 * acknowledgement ticked, saves it.
 */
export function AddMajorForm({ schoolId, catalogue, resetKey }: { schoolId: string; catalogue: CurrentCatalogue; resetKey: number }) {
  const t = useTranslations("schoolMajors");
  const tv = useTranslations("validation");
  const terr = useTranslations("errors");
  const [state, dispatch, pending] = useActionState(addSchoolMajorAction, null);
  const [, startTransition] = useTransition();
  // A warning applies to the values it was given for; changing them hides it again.
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const warnings = state && !state.ok && state !== dismissed ? ((state.detail?.warnings as Issue[] | undefined) ?? []) : [];

  return (
    <form
      noValidate
      aria-labelledby="add-major-title"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onChange={(e) => {
        if ((e.target as HTMLElement).getAttribute("name") !== "confirmWarnings") setDismissed(state);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => dispatch(fd));
      }}
    >
      <h2 id="add-major-title" className="text-lg font-semibold">
        {t("add.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("add.edition", { edition: catalogue.edition.nameZh })}</p>
      {state?.ok ? (
        <div role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-900">
          {t("add.saved")}
        </div>
      ) : null}
      {state && !state.ok && !warnings.length ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {state.code === "DUPLICATE" ? t("add.duplicate") : terr(state.code)}
        </p>
      ) : null}
      <input type="hidden" name="schoolId" value={schoolId} />
      <MajorFields key={resetKey} catalogue={catalogue} errors={errors} />
      {warnings.length ? (
        <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
          {warnings.map((w, i) => (
            <p key={i}>{tv(w.key, w.params)}</p>
          ))}
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmWarnings" />
            {t("add.confirmWarnings")}
          </label>
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("saving") : t("add.submit")}
      </button>
    </form>
  );
}

type Errors = Record<string, Issue[]> | undefined;

function MajorFields({ catalogue, errors }: { catalogue: CurrentCatalogue; errors: Errors }) {
  const t = useTranslations("schoolMajors");
  const te = useTranslations("enums");
  const [categoryId, setCategoryId] = useState("");
  const majors = catalogue.categories.find((c) => c.id === categoryId)?.majors ?? [];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="categoryId" className="block text-sm font-medium">
          {t("field.category")}
        </label>
        <select id="categoryId" value={categoryId} onChange={(e) => setCategoryId(e.target.value)} className={input}>
          <option value="">{t("choose")}</option>
          {catalogue.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.nameZh}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="majorId" className="block text-sm font-medium">
          {t("field.major")}
        </label>
        <select
          id="majorId"
          name="majorId"
          key={categoryId}
          defaultValue=""
          disabled={!categoryId}
          className={input}
          {...describedBy("majorId-err", errors?.majorId)}
        >
          <option value="">{categoryId ? t("choose") : t("chooseCategoryFirst")}</option>
          {majors.map((m) => (
            <option key={m.id} value={m.id}>
              {m.nameZh}
            </option>
          ))}
        </select>
        <FieldErrorList id="majorId-err" issues={errors?.majorId} />
      </div>
      <div>
        <label htmlFor="level" className="block text-sm font-medium">
          {t("field.level")}
        </label>
        <select id="level" name="level" defaultValue="" className={input} {...describedBy("level-err", errors?.level)}>
          <option value="">{t("choose")}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {te(`level.${l}`)}
            </option>
          ))}
        </select>
        <FieldErrorList id="level-err" issues={errors?.level} />
      </div>
      <div>
        <label htmlFor="startingPoint" className="block text-sm font-medium">
          {t("field.startingPoint")}
        </label>
        <select id="startingPoint" name="startingPoint" defaultValue="" className={input} {...describedBy("startingPoint-err", errors?.startingPoint)}>
          <option value="">{t("choose")}</option>
          {STARTS.map((s) => (
            <option key={s} value={s}>
              {te(`startingPoint.${s}`)}
            </option>
          ))}
        </select>
        <FieldErrorList id="startingPoint-err" issues={errors?.startingPoint} />
      </div>
      <div>
        <label htmlFor="years" className="block text-sm font-medium">
          {t("field.years")}
        </label>
        <input
          id="years"
          name="years"
          type="number"
          min={1}
          max={6}
          step={1}
          inputMode="numeric"
          className={input}
          {...describedBy("years-err", errors?.years)}
        />
        <FieldErrorList id="years-err" issues={errors?.years} />
      </div>
    </div>
  );
}
