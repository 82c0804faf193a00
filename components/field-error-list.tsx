"use client";

import { useTranslations } from "next-intl";

export type FieldIssue = { key: string; params?: Record<string, string | number> };

/**
 * Errors of one form field, as `validation.*` catalog keys. Give the input
 * `aria-describedby={id}` and `aria-invalid` so that screen readers announce them.
 */
export function FieldErrorList({ id, issues }: { id: string; issues?: FieldIssue[] }) {
  const t = useTranslations("validation");
  if (!issues?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {issues.map((i, n) => (
        <li key={n}>{t.has(i.key) ? t(i.key, i.params) : t("invalid")}</li>
      ))}
    </ul>
  );
}

/** Input props that tie a field to its error list. */
export function describedBy(id: string, issues?: FieldIssue[], hintId?: string) {
  const ids = [issues?.length ? id : null, hintId].filter(Boolean).join(" ");
  return { "aria-invalid": issues?.length ? true : undefined, "aria-describedby": ids || undefined };
}
