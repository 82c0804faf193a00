import type { z } from "zod";
import { fieldIssues, type FieldIssues, type Issue } from "@/lib/validation/issues";
import { normaliseCell } from "./cells";
import type { ColumnDef } from "./columns";
import type { ParsedRow } from "./read";
import { fieldRecord } from "./record";

/**
 * The first step of every dry run (schools and school majors): a file's rows as field values
 * (enum labels to codes, dates to YYYY-MM-DD) with each cell's own problems, then the issues the
 * row's checks add on top.
 */
export type PreparedRow = { row: number; values: Record<string, unknown>; raw: ParsedRow["values"]; issues: FieldIssues };

/** The rows' cells in the given columns (those present in the file); `tidy` normalises keys such as a USCC. */
export function prepareRows(rows: ParsedRow[], columns: ColumnDef[], fields: string[], tidy: (values: Record<string, unknown>) => void): PreparedRow[] {
  const cols = columns.filter((c) => fields.includes(c.field));
  return rows.map((r) => {
    const issues: FieldIssues = {};
    const values = fieldRecord<unknown>(
      cols.map((col) => {
        const { value, issue } = normaliseCell(col, r.values[col.field] ?? null);
        if (issue) issues[col.field] = [issue];
        return [col.field, value];
      }),
    );
    tidy(values);
    return { row: r.row, values, raw: r.values, issues };
  });
}

export const addIssue = (issues: FieldIssues, field: string, issue: Issue) => (issues[field] ??= []).push(issue);

/** The schema's issues, for the fields that have none yet (a cell's own problem is the one to show). */
export function addSchemaIssues(issues: FieldIssues, error: z.ZodError) {
  for (const [f, list] of Object.entries(fieldIssues(error))) if (!issues[f]) for (const i of list) addIssue(issues, f, i);
}
