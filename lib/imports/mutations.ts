import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, refuseStale, Refusal } from "@/lib/errors";
import type { ImportKind } from "./columns";
import { runDryRun } from "./job/data";
import { storeDryRun } from "./job/mutations";
import { unpackRows } from "./payload";
import { summaryOf, type Counts, type DryRunSummary } from "./dry-run";
import { jobExpiresAt } from "./limits";
import type { ParsedRow } from "./read";
import { importReason } from "./source";
import { beginBulkLoad, endBulkLoad } from "./bulk/mutations";
import { writeMajorPlan, writeSchoolPlan } from "./commit/mutations";

/**
 * Import jobs: the dry run is stored with its parsed rows (ImportJob, gzip-compressed JSON), and
 * the confirmation re-validates those rows inside ONE transaction (the action's) and writes all
 * of them or none.
 */

/** A dry run or a commit of many thousand rows outlasts the default transaction timeout. */
export const IMPORT_TIMEOUT_MS = 120_000;

export async function createImportJob(
  ctx: WriteContext,
  input: { kind: ImportKind; fileName: string; format: string; encoding: string | null; rows: ParsedRow[]; fields: string[] },
): Promise<{ id: string; summary: DryRunSummary }> {
  const scope = ctx.scope;
  const { id, summary } = await storeDryRun(ctx.tx, scope, { ...input, createdById: ctx.actor.id! });
  await ctx.audit({
    action: "import.dryRun",
    entityType: "ImportJob",
    entityId: id,
    authorityId: scope.authorityId,
    after: { kind: input.kind, fileName: input.fileName, rows: input.rows.length, counts: summary.counts },
  });
  return { id, summary };
}

export type CommitResult = {
  jobId: string;
  kind: ImportKind;
  counts: Counts;
  /** The first created or updated records, for links on the result page. */
  created: { id: string; name: string }[];
  updated: { id: string; name: string }[];
  alreadyCommitted?: boolean;
};

/**
 * Confirms a dry run. Re-validates the stored rows against the data as it is now; if anything has
 * become invalid nothing is written, the job keeps the new dry run and the answer is VALIDATION
 * with it in `detail.summary`. A failure part-way through (a constraint, a stale version) rolls
 * back every row.
 */
export async function commitImport(ctx: WriteContext, jobId: string): Promise<CommitResult> {
  const scope = ctx.scope;
  const job = await ctx.tx.importJob.findFirst({
    where: { id: jobId, createdById: ctx.actor.id ?? "-" },
    select: { id: true, kind: true, authorityId: true, fileName: true, fields: true, status: true, createdAt: true },
  });
  if (!job || job.authorityId !== scope.authorityId) refuse("NOT_FOUND");
  const kind: ImportKind = job.kind === "SCHOOLS" ? "schools" : "schoolMajors";
  // The stored summary (every issue of the file) and the payload are read only where they are
  // needed, so neither stays alive through the writes (issue 15: a 160 MB heap).
  if (job.status === "COMMITTED") return { ...(await storedResult(ctx, job.id)), alreadyCommitted: true };
  if (ctx.now > jobExpiresAt(job.createdAt)) refuse("NOT_FOUND", { expired: true });
  const dry = await runDryRun(ctx.tx, kind, scope, await storedRows(ctx, job.id), job.fields);
  if (dry.counts.error > 0) {
    const summary = summaryOf(dry);
    await ctx.tx.importJob.update({ where: { id: job.id }, data: { summary: summary as unknown as Prisma.InputJsonValue }, select: { id: true } });
    // The job keeps the new dry run (the page shows it after a reload): this refusal commits that write.
    throw new Refusal("VALIDATION", { summary }, undefined, { keepWrites: true });
  }
  // Claims the job: a second confirmation (another tab, a double click) waits here and then finds it taken.
  const claimed = await ctx.tx.importJob.updateMany({ where: { id: job.id, status: "DRY_RUN" }, data: { status: "COMMITTED", committedAt: ctx.now } });
  if (claimed.count === 0) refuseStale({ version: null, changedBy: null, changedAt: null, changes: [] });
  const reason = importReason({ jobId: job.id, fileName: job.fileName });
  await beginBulkLoad(ctx.tx);
  const written = dry.kind === "schools" ? await writeSchoolPlan(ctx, dry.plan, reason) : await writeMajorPlan(ctx, dry.plan, reason);
  await endBulkLoad(ctx.tx);
  const result: CommitResult = { jobId: job.id, kind, counts: dry.counts, created: written.created, updated: written.updated };
  await ctx.tx.importJob.update({
    where: { id: job.id },
    data: { summary: { ...summaryOf(dry), result } as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  await ctx.audit({
    action: "import.commit",
    entityType: "ImportJob",
    entityId: job.id,
    authorityId: scope.authorityId,
    after: { kind, fileName: job.fileName, counts: dry.counts },
    reason,
  });
  return result;
}

async function storedResult(ctx: WriteContext, id: string): Promise<CommitResult> {
  const { summary } = await ctx.tx.importJob.findUniqueOrThrow({ where: { id }, select: { summary: true } });
  return (summary as { result?: CommitResult }).result as CommitResult;
}

async function storedRows(ctx: WriteContext, id: string): Promise<ParsedRow[]> {
  const { payload } = await ctx.tx.importJob.findUniqueOrThrow({ where: { id }, select: { payload: true } });
  return unpackRows(payload);
}
