"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/form-field";
import { useHydrated } from "@/components/use-hydrated";
import type { ActionResult } from "@/lib/actions/result";
import type { StaleDetail } from "@/lib/errors";
import type { FormValues } from "@/lib/schools/form-values";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { Ownership, SponsorType, TIERS, valuesOf } from "@/lib/kernel/enums";
import { StaleNotice } from "./stale-notice";
import { Button } from "@/components/button";

type Division = { code: string; name: string; authorityId: string };

/** A new school starts in preparation or operating; the other statuses come through the change pages. */
const STARTING_STATUSES = ["OPERATING", "PREPARING"];

const FIGURES = ["fullTimeStudents", "trainingPersonTimes", "campusArea", "buildingArea", "equipmentValue", "teachers", "majorCount"];

/**
 * Create and edit form of a school. Submitting does not reset the form (no `action` prop), so on
 * any refusal — a field error, a duplicate, a stale version — everything typed stays in place.
 */
export function SchoolForm({
  mode,
  initial,
  authorities,
  divisions,
  school,
  readOnly,
}: {
  mode: "create" | "edit";
  initial: FormValues;
  authorities: Option[];
  divisions: Division[];
  /** `errorReportId`: the public error report this edit corrects (accepted when it saves). */
  school?: { id: string; version: number; errorReportId?: string };
  readOnly?: React.ReactNode;
}) {
  const t = useTranslations("schools");
  const tEnums = useTranslations("enums");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [pending, start] = useTransition();
  // False until hydrated: a click before that would submit the form natively (a GET) and lose it.
  const hydrated = useHydrated();
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [version, setVersion] = useState(school?.version ?? 0);
  const [authorityId, setAuthorityId] = useState(initial.authorityId || (authorities.length === 1 ? authorities[0].value : ""));

  const issues = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const stale = result && !result.ok && result.code === "STALE_VERSION" ? (result.detail as StaleDetail) : null;
  const field = (name: string) => ({ name, label: t(`fields.${name}`), issues: issues[name], defaultValue: initial[name] ?? "" });
  const enumOptions = (group: string, values: readonly string[]) => values.map((value) => ({ value, label: tEnums(`${group}.${value}`) }));
  const cities = divisions.filter((division) => division.authorityId === authorityId).map((division) => ({ value: division.code, label: division.name }));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    start(async () => {
      const outcome = mode === "create" ? await createSchoolAction(formData) : await updateSchoolAction(formData);
      setResult(outcome);
      if (outcome.ok) {
        router.push(`/console/schools/${outcome.data.id}?saved=${mode === "create" ? "created" : "updated"}`);
      } else {
        requestAnimationFrame(() => summary.current?.focus());
      }
    });
  }

  function reapply() {
    if (!stale || stale.version === null) return;
    setVersion(stale.version);
    // Submit after the new version is in the hidden field.
    requestAnimationFrame(() => form.current?.requestSubmit());
  }

  const errorCount = Object.keys(issues).length;
  const section = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";
  const grid = "grid gap-3 sm:grid-cols-2";
  return (
    <form ref={form} onSubmit={submit} method="post" noValidate className="space-y-4" data-testid="school-form">
      <div ref={summary} tabIndex={-1} className="outline-none">
        {result && !result.ok && !stale ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800" data-testid="form-error">
            {errorCount ? t("form.errorSummary", { count: errorCount }) : tErrors(result.code)}
          </p>
        ) : null}
        {stale ? <StaleNotice conflict={stale} form={form} onReapply={reapply} /> : null}
      </div>
      {school ? (
        <>
          <input type="hidden" name="id" value={school.id} />
          <input type="hidden" name="version" value={version} />
          {school.errorReportId ? <input type="hidden" name="errorReportId" value={school.errorReportId} /> : null}
        </>
      ) : null}
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionIdentity")}</legend>
        {readOnly}
        <div className={grid}>
          {mode === "create" ? <TextField {...field("nameZh")} required maxLength={60} /> : null}
          <TextField {...field("nameEn")} maxLength={160} />
          {mode === "create" ? (
            <>
              <SelectField {...field("tier")} required options={enumOptions("tier", TIERS)} placeholder={t("form.choose")} />
              <SelectField {...field("status")} required options={enumOptions("status", STARTING_STATUSES)} />
              {authorities.length > 1 ? (
                <SelectField
                  {...field("authorityId")}
                  defaultValue={undefined}
                  value={authorityId}
                  onChange={(event) => setAuthorityId(event.target.value)}
                  required
                  options={authorities}
                  placeholder={t("form.choose")}
                />
              ) : (
                <input type="hidden" name="authorityId" value={authorityId} />
              )}
            </>
          ) : null}
          <SelectField {...field("divisionCode")} options={cities} placeholder={authorityId ? t("form.noCity") : t("form.chooseAuthorityFirst")} />
          <TextAreaField {...field("altNames")} hint={t("form.altNamesHint")} />
          <TextField {...field("address")} maxLength={200} />
          <TextField {...field("website")} type="url" inputMode="url" maxLength={200} />
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionRegistration")}</legend>
        <div className={grid}>
          <TextField {...field("uscc")} maxLength={24} hint={t("form.usccHint")} />
          <SelectField {...field("ownership")} required options={enumOptions("ownership", valuesOf(Ownership))} />
          <SelectField {...field("sponsorType")} required options={enumOptions("sponsorType", valuesOf(SponsorType))} />
          <TextField {...field("sponsorName")} maxLength={100} />
          <TextField {...field("approvalDocNo")} maxLength={80} />
          <TextField {...field("approvalDate")} type="date" hint={t("form.dateHint")} />
          <TextField {...field("establishedDate")} type="date" hint={t("form.dateHint")} />
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionFigures")}</legend>
        <p className="text-sm text-slate-600">{t("form.sectionFiguresHint")}</p>
        <div className={grid}>
          <TextField {...field("figuresYear")} inputMode="numeric" maxLength={4} />
          {FIGURES.map((name) => (
            <TextField key={name} {...field(name)} inputMode="numeric" maxLength={10} />
          ))}
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionContact")}</legend>
        <div className={grid}>
          <TextField {...field("contactName")} maxLength={40} />
          <TextField {...field("contactPhone")} type="tel" inputMode="tel" maxLength={30} />
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !hydrated}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
        <button type="button" onClick={() => router.back()} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
