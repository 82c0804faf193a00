import type { AuthorityScope } from "@/lib/auth/scope";
import type { Prisma, Tx } from "@/lib/db/client";
import type { ImportKind } from "../columns";
import { summaryOf, type DryRunSummary } from "../dry-run";
import { packRows } from "../payload";
import type { ParsedRow } from "../read";
import { runDryRun } from "./data";

export const JOB_KIND = { schools: "SCHOOLS", schoolMajors: "SCHOOL_MAJORS" } as const;

export type StoreDryRunInput = {
  kind: ImportKind;
  fileName: string;
  format: string;
  encoding: string | null;
  rows: ParsedRow[];
  fields: string[];
  createdById: string;
  /** Only the demo seed names these (a stable id, a time relative to the seed); an upload takes the defaults. */
  id?: string;
  createdAt?: Date;
};

/**
 * THE way a dry run is stored: run it, and keep the upload's rows (lib/imports/payload.ts) with
 * the summary the page shows, as an ImportJob the uploader may confirm for JOB_TTL_MS. The upload
 * (lib/imports/mutations.ts createImportJob, which audits it) and the demo seed both call this.
 * Not `server-only`, so that the seed can; it writes only through the `tx` it is given.
 */
export async function storeDryRun(tx: Tx, scope: AuthorityScope, input: StoreDryRunInput): Promise<{ id: string; summary: DryRunSummary }> {
  // Packed first: its text is gone before the dry run builds its rows and plan (a lower peak, issue 15).
  const payload = await packRows(input.rows);
  const summary = summaryOf(await runDryRun(tx, input.kind, scope, input.rows, input.fields));
  const job = await tx.importJob.create({
    data: {
      ...(input.id ? { id: input.id } : {}),
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      kind: JOB_KIND[input.kind],
      authorityId: scope.authorityId,
      createdById: input.createdById,
      fileName: input.fileName,
      format: input.format,
      encoding: input.encoding,
      rowCount: input.rows.length,
      fields: input.fields,
      payload,
      summary: summary as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { id: job.id, summary };
}
