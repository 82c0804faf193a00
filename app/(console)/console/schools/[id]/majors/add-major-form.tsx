"use client";

import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/choice-field";
import { SelectField, TextField } from "@/components/form-field";
import { StartingPoint, TRAINING_LEVELS, valuesOf } from "@/lib/kernel/enums";
import type { Issue } from "@/lib/validation/issues";
import type { CurrentCatalogue } from "@/lib/majors/data";
import { addSchoolMajorAction } from "@/lib/school-majors/actions";
import { Button } from "@/components/button";

/**
 * Add a major from the current catalogue: category, then major; level, starting point, years.
 * A level that does not fit the tier comes back as a warning; the second submit, with the
 * acknowledgement ticked, saves it.
 */
export function AddMajorForm({ schoolId, catalogue, resetKey }: { schoolId: string; catalogue: CurrentCatalogue; resetKey: number }) {
  const t = useTranslations("schoolMajors");
  const tValidation = useTranslations("validation");
  const tErrors = useTranslations("errors");
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
      onChange={(event) => {
        if ((event.target as HTMLElement).getAttribute("name") !== "confirmWarnings") setDismissed(state);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => dispatch(formData));
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
          {state.code === "DUPLICATE" ? t("add.duplicate") : tErrors(state.code)}
        </p>
      ) : null}
      <input type="hidden" name="schoolId" value={schoolId} />
      <MajorFields key={resetKey} catalogue={catalogue} errors={errors} />
      {warnings.length ? (
        <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
          {warnings.map((warning, index) => (
            <p key={index}>{tValidation(warning.key, warning.params)}</p>
          ))}
          <CheckboxField name="confirmWarnings" label={t("add.confirmWarnings")} className="font-medium" />
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("add.submit")}
      </Button>
    </form>
  );
}

type Errors = Record<string, Issue[]> | undefined;

function MajorFields({ catalogue, errors }: { catalogue: CurrentCatalogue; errors: Errors }) {
  const t = useTranslations("schoolMajors");
  const tEnums = useTranslations("enums");
  const [categoryId, setCategoryId] = useState("");
  const majors = catalogue.categories.find((category) => category.id === categoryId)?.majors ?? [];
  const choose = t("choose");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {/* No name: the category only narrows the major list. */}
      <SelectField
        id="categoryId"
        label={t("field.category")}
        value={categoryId}
        onChange={(event) => setCategoryId(event.target.value)}
        placeholder={choose}
        options={catalogue.categories.map((category) => ({ value: category.id, label: category.nameZh }))}
      />
      <SelectField
        key={categoryId}
        name="majorId"
        label={t("field.major")}
        defaultValue=""
        disabled={!categoryId}
        placeholder={categoryId ? choose : t("chooseCategoryFirst")}
        options={majors.map((major) => ({ value: major.id, label: major.nameZh }))}
        issues={errors?.majorId}
      />
      {(
        [
          ["level", TRAINING_LEVELS],
          ["startingPoint", valuesOf(StartingPoint)],
        ] as const
      ).map(([name, values]) => (
        <SelectField
          key={name}
          name={name}
          label={t(`field.${name}`)}
          defaultValue=""
          placeholder={choose}
          options={values.map((value) => ({ value, label: tEnums(`${name}.${value}`) }))}
          issues={errors?.[name]}
        />
      ))}
      <TextField name="years" label={t("field.years")} type="number" min={1} max={6} step={1} inputMode="numeric" issues={errors?.years} />
    </div>
  );
}
