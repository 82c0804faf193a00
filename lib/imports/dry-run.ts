import type { AuditValue } from "@/lib/schools/diff";
import type { ImportKind } from "./columns";
import type { RowIssue } from "./issues";

/**
 * What a dry run finds: counts of new / updated / unchanged / bad rows, every issue (errors and
 * warnings, by row and column) and a sample of the changes to existing records. The plan (what a
 * commit would write) is never stored: the commit re-validates and builds it again.
 */
export type Counts = { create: number; update: number; unchanged: number; error: number };
export type ChangeSample = { row: number; id: string; name: string; changes: { field: string; from: AuditValue; to: AuditValue }[] };

export type DryRun<P> = {
  kind: ImportKind;
  total: number;
  counts: Counts;
  issues: RowIssue[];
  sample: ChangeSample[];
  plan: P;
};

/** What is kept with the job and sent to the page: the dry run without its plan. */
export type DryRunSummary = Omit<DryRun<unknown>, "plan">;

export const emptyCounts = (): Counts => ({ create: 0, update: 0, unchanged: 0, error: 0 });

export function summaryOf(d: Omit<DryRun<unknown>, "plan">): DryRunSummary {
  return { kind: d.kind, total: d.total, counts: d.counts, issues: d.issues, sample: d.sample };
}

export function errorCount(d: Pick<DryRunSummary, "issues">): number {
  return d.issues.filter((i) => i.severity === "error").length;
}
