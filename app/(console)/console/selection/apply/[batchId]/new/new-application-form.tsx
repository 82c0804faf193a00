"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
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
      const r = await createApplicationAction({ batchId, schoolId: school, schoolMajorId: kind === "MAJOR" ? major : "" });
      if (!r.ok) return setError(message(r));
      router.push(`/console/selection/applications/${(r.data as { id: string }).id}`);
    });
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="na-school" className="block text-sm font-medium">
          {t("school")}
        </label>
        <select
          id="na-school"
          value={school}
          onChange={(e) => {
            setSchool(e.target.value);
            setMajor("");
            if (kind === "MAJOR") router.push(`?school=${encodeURIComponent(e.target.value)}`);
          }}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-2"
        >
          <option value="">{t("chooseSchool")}</option>
          {schools.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {kind === "MAJOR" && school ? (
        <div>
          <label htmlFor="na-major" className="block text-sm font-medium">
            {t("major")}
          </label>
          <select id="na-major" value={major} onChange={(e) => setMajor(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-2 py-2">
            <option value="">{majors.length ? t("chooseMajor") : t("noMajors")}</option>
            {majors.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
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
