import type { FieldIssues, Issue } from "@/lib/validation/issues";
import { columnsFor, type ImportKind } from "./columns";

/**
 * A problem found in one cell of an uploaded file: the row as Excel numbers it, the column's
 * header, the value as read, and a `validation.*` catalog key with its parameters (so the same
 * dry run reads in Chinese or English). Warnings never block the import.
 */
export type RowIssue = {
  row: number;
  column: string;
  field: string;
  value: string;
  key: string;
  params?: Record<string, string | number>;
  severity: "error" | "warning";
};

export function headerOf(kind: ImportKind, field: string): string {
  return columnsFor(kind).find((c) => c.field === field)?.header ?? field;
}

export function rowIssues(
  kind: ImportKind,
  row: number,
  issues: FieldIssues | (Issue & { field: string })[],
  values: Record<string, unknown>,
  severity: RowIssue["severity"] = "error",
): RowIssue[] {
  const list = Array.isArray(issues) ? issues : Object.entries(issues).flatMap(([field, is]) => is.map((i) => ({ ...i, field })));
  return list.map((i) => {
    const field = i.field.split(".")[0];
    const v = values[field];
    return {
      row,
      column: headerOf(kind, field),
      field,
      value: v === null || v === undefined ? "" : Array.isArray(v) ? v.join("；") : String(v),
      key: i.key,
      ...(i.params && Object.keys(i.params).length ? { params: i.params } : {}),
      severity,
    };
  });
}
