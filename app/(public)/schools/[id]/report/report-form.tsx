"use client";

import Link from "@/components/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/form-field";
import { FormStatus } from "@/components/form-status";
import { Notice } from "@/components/notice";
import { useStep } from "@/components/selection/use-step";
import { fileErrorReportAction } from "@/lib/error-reports/actions";

/** The report form; once sent, only the code and where to check the outcome (a refusal keeps what was typed). */
export function ReportForm({ schoolId, fields }: { schoolId: string; fields: Option[] }) {
  const t = useTranslations("errorReports.form");
  const step = useStep();
  const [code, setCode] = useState<string | null>(null);
  if (code) {
    return (
      <Notice tone="success" testId="report-filed">
        <h2 className="font-semibold">{t("filedTitle")}</h2>
        <p>
          {t("filed")}{" "}
          <strong className="font-mono text-base" data-testid="report-code">
            {code}
          </strong>
        </p>
        <p>
          <Link href={`/error-reports?code=${code}`} className="text-brand-700 underline">
            {t("checkLink")}
          </Link>
        </p>
      </Notice>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        step.run(() => fileErrorReportAction(data), { onDone: (result) => setCode((result as { code: string }).code), refresh: false });
      }}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      noValidate
      data-testid="report-form"
    >
      <input type="hidden" name="schoolId" value={schoolId} />
      <SelectField name="field" label={t("field")} required placeholder={t("chooseField")} options={fields} issues={step.errors.field} />
      <TextAreaField name="problem" label={t("problem")} required rows={3} maxLength={1000} issues={step.errors.problem} />
      <TextField name="proposed" label={t("proposed")} required maxLength={500} issues={step.errors.proposed} />
      <TextField name="contact" label={t("contact")} maxLength={100} autoComplete="email" hint={t("contactHint")} issues={step.errors.contact} />
      <p className="text-xs text-slate-600">{t("privacy")}</p>
      <FormStatus {...step.status} />
      <Button type="submit" disabled={!step.ready}>
        {t("submit")}
      </Button>
    </form>
  );
}
