import "server-only";
import { gzipSync } from "node:zlib";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/mutations";
import type { AuthorityScope } from "@/lib/auth/scope";
import { db, type Prisma } from "@/lib/db/client";
import type { ImportKind } from "./columns";
import { runDryRun, unpackRows } from "./data";
import { summaryOf, type Counts, type DryRunSummary } from "./dry-run";
import { JOB_TTL_MS } from "./limits";
import type { ParsedRow } from "./read";
import { importReason, type Actor, type ImportSource } from "./source";
import { beginBulkLoad, endBulkLoad } from "./bulk/mutations";
import { writeMajorPlan, writeSchoolPlan } from "./commit/mutations";

/**
 * Import jobs: the dry run is stored with its parsed rows (ImportJob, gzip-compressed JSON), and
 * the confirmation re-validates those rows inside ONE transaction and writes all of them or none.
 */

const KIND = { schools: "SCHOOLS", schoolMajors: "SCHOOL_MAJORS" } as const;

export async function createImportJob(
  scope: AuthorityScope,
  actor: Actor,
  input: { kind: ImportKind; fileName: string; format: string; encoding: string | null; rows: ParsedRow[]; fields: string[] },
): Promise<{ id: string; summary: DryRunSummary }> {
  return db().$transaction(
    async (tx) => {
      const dry = await runDryRun(tx, input.kind, scope, input.rows, input.fields);
      const summary = summaryOf(dry);
      const job = await tx.importJob.create({
        data: {
          kind: KIND[input.kind],
          authorityId: scope.authorityId,
          createdById: actor.id,
          fileName: input.fileName,
          format: input.format,
          encoding: input.encoding,
          rowCount: input.rows.length,
          fields: input.fields,
          payload: new Uint8Array(gzipSync(JSON.stringify(input.rows))),
          summary: summary as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: "import.dryRun",
        entityType: "ImportJob",
        entityId: job.id,
        authorityId: scope.authorityId,
        after: { kind: input.kind, fileName: input.fileName, rows: input.rows.length, counts: summary.counts },
        source: "import",
      });
      return { id: job.id, summary };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
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

/** Refusals inside the transaction: thrown so that everything written so far is rolled back. */
class Rollback extends Error {
  constructor(readonly result: ActionResult<never>) {
    super("rollback");
  }
}

/**
 * Confirms a dry run. Re-validates the stored rows against the data as it is now (inside the
 * transaction); if anything has become invalid nothing is written and the new dry run is returned
 * (`VALIDATION`, detail.summary). A failure part-way through (a constraint, a stale version)
 * rolls back every row.
 */
export async function commitImport(scope: AuthorityScope, actor: Actor, jobId: string, now = new Date()): Promise<ActionResult<CommitResult>> {
  try {
    return await db().$transaction(
      async (tx): Promise<ActionResult<CommitResult>> => {
        const job = await tx.importJob.findFirst({
          where: { id: jobId, createdById: actor.id },
          select: { id: true, kind: true, authorityId: true, fileName: true, fields: true, payload: true, status: true, createdAt: true, summary: true },
        });
        if (!job || job.authorityId !== scope.authorityId) return { ok: false, code: "NOT_FOUND" };
        const kind: ImportKind = job.kind === "SCHOOLS" ? "schools" : "schoolMajors";
        if (job.status === "COMMITTED") {
          const result = (job.summary as { result?: CommitResult }).result;
          return { ok: true, data: { ...(result as CommitResult), alreadyCommitted: true } };
        }
        if (now.getTime() - job.createdAt.getTime() > JOB_TTL_MS) return { ok: false, code: "NOT_FOUND", detail: { expired: true } };
        const dry = await runDryRun(tx, kind, scope, unpackRows(job.payload), job.fields);
        if (dry.counts.error > 0) {
          const summary = summaryOf(dry);
          await tx.importJob.update({ where: { id: job.id }, data: { summary: summary as unknown as Prisma.InputJsonValue }, select: { id: true } });
          return { ok: false, code: "VALIDATION", detail: { summary } };
        }
        // Claims the job: a second confirmation (another tab, a double click) waits here and then finds it taken.
        const claimed = await tx.importJob.updateMany({ where: { id: job.id, status: "DRY_RUN" }, data: { status: "COMMITTED", committedAt: now } });
        if (claimed.count === 0) throw new Rollback({ ok: false, code: "STALE_VERSION" });
        const source: ImportSource = { jobId: job.id, fileName: job.fileName };
        await beginBulkLoad(tx);
        const written = dry.kind === "schools" ? await writeSchoolPlan(tx, actor, source, dry.plan, now) : await writeMajorPlan(tx, actor, source, dry.plan);
        if (!written.ok) throw new Rollback(written);
        await endBulkLoad(tx);
        const result: CommitResult = { jobId: job.id, kind, counts: dry.counts, created: written.data.created, updated: written.data.updated };
        await tx.importJob.update({
          where: { id: job.id },
          data: { summary: { ...summaryOf(dry), result } as unknown as Prisma.InputJsonValue },
          select: { id: true },
        });
        await recordAudit(tx, {
          actor,
          action: "import.commit",
          entityType: "ImportJob",
          entityId: job.id,
          authorityId: scope.authorityId,
          after: { kind, fileName: job.fileName, counts: dry.counts },
          reason: importReason(source),
          source: "import",
        });
        return { ok: true, data: result };
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  } catch (e) {
    if (e instanceof Rollback) return e.result as ActionResult<CommitResult>;
    // A record created or changed by someone else between the re-validation and the write.
    if ((e as { code?: string })?.code === "P2002") return { ok: false, code: "DUPLICATE" };
    throw e;
  }
}
