"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/form-field";
import { createApplicationAction } from "@/lib/selection/applications/actions";
import { FormStatus } from "@/components/form-status";
import { useResultMessage } from "@/components/selection/use-result-message";
import { useHydrated } from "@/components/use-hydrated";

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
  const message = useResultMessage();
  const router = useRouter();
  const [school, setSchool] = useState(schoolId ?? "");
  const [major, setMajor] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const create = () =>
    start(async () => {
      setError(null);
      const result = await createApplicationAction({ batchId, schoolId: school, schoolMajorId: kind === "MAJOR" ? major : "" });
      if (!result.ok) return setError(message(result));
      router.push(`/console/selection/applications/${(result.data as { id: string }).id}`);
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
      <FormStatus error={error} />
      <button
        type="button"
        onClick={create}
        disabled={!hydrated || pending || !school || (kind === "MAJOR" && !major)}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("create")}
      </button>
    </div>
  );
}
