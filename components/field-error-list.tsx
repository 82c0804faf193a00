import { useTranslations } from "next-intl";

export type FieldIssue = { key: string; params?: Record<string, string | number> };

/**
 * Errors of one form field, as `validation.*` catalog keys (plus any message already in words).
 * Give the control `aria-describedby={id}` and `aria-invalid` so that screen readers announce them.
 * No "use client": server-rendered GET forms and client forms share it.
 */
export function FieldErrorList({ id, issues, messages = [] }: { id: string; issues?: FieldIssue[]; messages?: string[] }) {
  const t = useTranslations("validation");
  const texts = [...(issues ?? []).map((issue) => (t.has(issue.key) ? t(issue.key, issue.params) : t("invalid"))), ...messages];
  if (!texts.length) return null;
  const list = (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {texts.map((text, index) => (
        <li key={index}>{text}</li>
      ))}
    </ul>
  );
  // Errors in words come with the page (a server-rendered refusal): announced at once.
  return messages.length ? <div role="alert">{list}</div> : list;
}

/** Control props that tie a field to its error list and its hints (ids of elements that describe it). */
export function describedBy(errorId: string, invalid: boolean | FieldIssue[] | undefined, ...hintIds: (string | undefined)[]) {
  const hasErrors = Array.isArray(invalid) ? invalid.length > 0 : Boolean(invalid);
  const ids = [hasErrors ? errorId : undefined, ...hintIds].filter(Boolean).join(" ");
  return { "aria-invalid": hasErrors || undefined, "aria-describedby": ids || undefined };
}
