import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { ImportKind } from "./columns";
import type { DryRunSummary } from "./dry-run";

/** Import jobs as their pages read them (the dry run's own reads are in ./job/data.ts). */
const jobSelect = {
  id: true,
  kind: true,
  authorityId: true,
  createdById: true,
  fileName: true,
  format: true,
  encoding: true,
  status: true,
  rowCount: true,
  summary: true,
  createdAt: true,
  committedAt: true,
} as const;

export type ImportJobView = {
  id: string;
  kind: ImportKind;
  authorityId: string | null;
  fileName: string;
  format: string;
  encoding: string | null;
  status: "DRY_RUN" | "COMMITTED";
  rowCount: number;
  summary: DryRunSummary & { result?: unknown };
  createdAt: Date;
  committedAt: Date | null;
};

/** One of the user's own import jobs (nobody else's: an upload is personal until it is committed). */
export async function getOwnImportJob(userId: string, id: string, client: Tx = db()): Promise<ImportJobView | null> {
  const job = await client.importJob.findFirst({ where: { id, createdById: userId }, select: jobSelect });
  return job ? toView(job) : null;
}

export type ImportJobListItem = { id: string; kind: ImportKind; fileName: string; status: "DRY_RUN" | "COMMITTED"; rowCount: number; createdAt: Date };

/** The user's latest uploads, newest first (without their rows or issues). */
export async function listOwnImportJobs(userId: string, take = 10): Promise<ImportJobListItem[]> {
  const jobs = await db().importJob.findMany({
    where: { createdById: userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, fileName: true, status: true, rowCount: true, createdAt: true },
  });
  return jobs.map((j) => ({ ...j, kind: j.kind === "SCHOOLS" ? ("schools" as const) : ("schoolMajors" as const) }));
}

function toView(job: { kind: string } & Omit<ImportJobView, "kind" | "summary"> & { summary: unknown }): ImportJobView {
  return { ...job, kind: job.kind === "SCHOOLS" ? "schools" : "schoolMajors", summary: job.summary as ImportJobView["summary"] };
}
