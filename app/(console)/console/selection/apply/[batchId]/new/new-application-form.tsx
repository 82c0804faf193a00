"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/form-field";
import { createApplicationAction } from "@/lib/selection/applications/actions";
import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useStep } from "@/components/selection/use-step";

type Option = { value: string; label: string };

/**
 * Choose the school (and, for a major batch, the school's major). Eligibility is decided by the
 * server; a refusal says why (wrong tier or status, already designated, window closed…).
 */
export function NewApplicationForm({
  batchId,
  kind,
  schools,
  schoolId,
  majors,
}: {
  batchId: string;
  kind: "SCHOOL" | "MAJOR";
  schools: Option[];
  schoolId?: string;
  majors: Option[];
}) {
  const t = useTranslations("selection.newApplication");
  const router = useRouter();
  const [school, setSchool] = useState(schoolId ?? "");
  const [major, setMajor] = useState("");
  const step = useStep();
  const create = () =>
    step.run(() => createApplicationAction({ batchId, schoolId: school, schoolMajorId: kind === "MAJOR" ? major : "" }), {
      onDone: (data) => router.push(`/console/selection/applications/${(data as { id: string }).id}`),
      refresh: false,
    });
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <SelectField
        id="na-school"
        label={t("school")}
        value={school}
        onChange={(event) => {
          setSchool(event.target.value);
          setMajor("");
          if (kind === "MAJOR") router.push(`?school=${encodeURIComponent(event.target.value)}`);
        }}
        placeholder={t("chooseSchool")}
        options={schools}
      />
      {kind === "MAJOR" && school ? (
        <SelectField
          id="na-major"
          label={t("major")}
          value={major}
          onChange={(event) => setMajor(event.target.value)}
          placeholder={majors.length ? t("chooseMajor") : t("noMajors")}
          options={majors}
        />
      ) : null}
      <FormStatus error={step.status.error} />
      <Button size="sm" onClick={create} disabled={!step.ready || !school || (kind === "MAJOR" && !major)}>
        {t("create")}
      </Button>
    </div>
  );
}
