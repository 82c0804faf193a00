import { columnsFor, type ImportKind } from "./columns";
import type { DryRunSummary } from "./dry-run";
import type { RowIssue } from "./issues";

/**
 * A dry run as the page shows it: every issue with its message in the reader's language (from the
 * `validation` catalog) and the sample of changes with enum codes shown as their Chinese labels.
 */
export type Translator = { (key: string, params?: Record<string, string | number>): string; has?: (key: string) => boolean };

export type RenderedIssue = RowIssue & { message: string };
export type RenderedSummary = Omit<DryRunSummary, "issues" | "sample"> & {
  issues: RenderedIssue[];
  sample: { row: number; id: string; name: string; changes: { field: string; column: string; from: string; to: string }[] }[];
};

export function issueText(t: Translator, issue: Pick<RowIssue, "key" | "params">): string {
  if (t.has && !t.has(issue.key)) return issue.key;
  return t(issue.key, issue.params);
}

export function displayValue(kind: ImportKind, field: string, v: unknown): string {
  if (v === null || v === undefined) return "";
  const col = columnsFor(kind).find((c) => c.field === field);
  if (col?.labels && typeof v === "string") return (col.labels as Record<string, string>)[v] ?? v;
  if (Array.isArray(v)) return v.join("；");
  return String(v);
}

export function renderSummary(s: DryRunSummary, t: Translator): RenderedSummary {
  const kind = s.kind;
  return {
    ...s,
    issues: s.issues.map((i) => ({
      ...i,
      params: i.params && translateEnumParams(kind, i.params),
      message: issueText(t, { key: i.key, params: i.params && translateEnumParams(kind, i.params) }),
    })),
    sample: s.sample.map((c) => ({
      ...c,
      changes: c.changes.map((ch) => ({
        field: ch.field,
        column: columnsFor(kind).find((col) => col.field === ch.field)?.header ?? ch.field,
        from: displayValue(kind, ch.field, ch.from),
        to: displayValue(kind, ch.field, ch.to),
      })),
    })),
  };
}

/** Status codes in a transition message read as their labels (备案 → 招生). */
function translateEnumParams(kind: ImportKind, params: Record<string, string | number>) {
  if (!("from" in params) && !("to" in params)) return params;
  const out = { ...params };
  for (const k of ["from", "to"] as const) if (typeof out[k] === "string") out[k] = displayValue(kind, "status", out[k]);
  return out;
}
