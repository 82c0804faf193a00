"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import type { StaleConflict } from "@/lib/schools/diff";
import type { FormValues } from "@/lib/schools/form-values";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { SelectInput, TextArea, TextInput } from "./form-inputs";
import { StaleNotice } from "./stale-notice";

type Option = { value: string; label: string };
type Division = { code: string; name: string; authorityId: string };

const TIERS = ["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"];
const OWNERSHIPS = ["PUBLIC", "PRIVATE"];
const SPONSORS = ["HR_DEPARTMENT", "OTHER_GOVERNMENT", "INDUSTRY", "ENTERPRISE", "PRIVATE_ENTITY"];
const noSubscribe = () => () => {};

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
  school?: { id: string; version: number };
  readOnly?: React.ReactNode;
}) {
  const t = useTranslations("schools");
  const te = useTranslations("enums");
  const terr = useTranslations("errors");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [pending, start] = useTransition();
  // False until hydrated: a click before that would submit the form natively (a GET) and lose it.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [version, setVersion] = useState(school?.version ?? 0);
  const [authorityId, setAuthorityId] = useState(initial.authorityId || (authorities.length === 1 ? authorities[0].value : ""));

  const issues = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const stale = result && !result.ok && result.code === "STALE_VERSION" ? (result.detail as StaleConflict) : null;
  const f = (name: string, label = t(`fields.${name}`)) => ({ name, label, issues: issues[name], defaultValue: initial[name] ?? "" });
  const enumOptions = (ns: string, values: string[]) => values.map((v) => ({ value: v, label: te(`${ns}.${v}`) }));
  const cities = divisions.filter((d) => d.authorityId === authorityId).map((d) => ({ value: d.code, label: d.name }));

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    start(async () => {
      const res = mode === "create" ? await createSchoolAction(fd) : await updateSchoolAction(fd);
      setResult(res);
      if (res.ok) {
        router.push(`/console/schools/${res.data.id}?saved=${mode === "create" ? "created" : "updated"}`);
      } else {
        requestAnimationFrame(() => summary.current?.focus());
      }
    });
  }

  function reapply() {
    if (!stale) return;
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
            {errorCount ? t("form.errorSummary", { count: errorCount }) : terr(result.code)}
          </p>
        ) : null}
        {stale ? <StaleNotice conflict={stale} form={form} onReapply={reapply} /> : null}
      </div>
      {school ? (
        <>
          <input type="hidden" name="id" value={school.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionIdentity")}</legend>
        {readOnly}
        <div className={grid}>
          {mode === "create" ? <TextInput {...f("nameZh")} required maxLength={60} /> : null}
          <TextInput {...f("nameEn")} maxLength={160} />
          {mode === "create" ? (
            <>
              <SelectInput {...f("tier")} required options={enumOptions("tier", TIERS)} placeholder={t("form.choose")} />
              <SelectInput {...f("status")} required options={enumOptions("status", ["OPERATING", "PREPARING"])} />
              {authorities.length > 1 ? (
                <SelectInput
                  {...f("authorityId")}
                  value={authorityId}
                  onChange={setAuthorityId}
                  required
                  options={authorities}
                  placeholder={t("form.choose")}
                />
              ) : (
                <input type="hidden" name="authorityId" value={authorityId} />
              )}
            </>
          ) : null}
          <SelectInput {...f("divisionCode")} options={cities} placeholder={authorityId ? t("form.noCity") : t("form.chooseAuthorityFirst")} />
          <TextArea {...f("altNames")} hint={t("form.altNamesHint")} />
          <TextInput {...f("address")} maxLength={200} />
          <TextInput {...f("website")} type="url" inputMode="url" maxLength={200} />
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionRegistration")}</legend>
        <div className={grid}>
          <TextInput {...f("uscc")} maxLength={24} hint={t("form.usccHint")} />
          <SelectInput {...f("ownership")} required options={enumOptions("ownership", OWNERSHIPS)} />
          <SelectInput {...f("sponsorType")} required options={enumOptions("sponsorType", SPONSORS)} />
          <TextInput {...f("sponsorName")} maxLength={100} />
          <TextInput {...f("approvalDocNo")} maxLength={80} />
          <TextInput {...f("approvalDate")} type="date" hint={t("form.dateHint")} />
          <TextInput {...f("establishedDate")} type="date" hint={t("form.dateHint")} />
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionFigures")}</legend>
        <p className="text-sm text-slate-600">{t("form.sectionFiguresHint")}</p>
        <div className={grid}>
          <TextInput {...f("figuresYear")} inputMode="numeric" maxLength={4} />
          {FIGURES.map((name) => (
            <TextInput key={name} {...f(name)} inputMode="numeric" maxLength={10} />
          ))}
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 font-semibold">{t("form.sectionContact")}</legend>
        <div className={grid}>
          <TextInput {...f("contactName")} maxLength={40} />
          <TextInput {...f("contactPhone")} type="tel" inputMode="tel" maxLength={30} />
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending || !hydrated}
          className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" onClick={() => router.back()} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
