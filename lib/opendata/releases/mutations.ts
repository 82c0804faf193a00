import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db, type Prisma } from "@/lib/db/client";
import type { ChangeSummary } from "./changelog";
import type { ReleaseFile } from "./data";

/**
 * Records a release: the row every app process lists, and its audit event, in one transaction.
 * `commitFiles` runs inside the transaction (it moves the written files into place), so a release
 * is listed only when its files are there; a failure there rolls the row back.
 */
export type NewRelease = {
  slug: string;
  releaseDate: string;
  sequence: number;
  schemaVersion: string;
  generatedAt: Date;
  counts: Record<string, number>;
  files: ReleaseFile[];
  changeSummary: ChangeSummary;
};

export async function recordRelease(
  r: NewRelease,
  actor: { id: string | null; label: string },
  source: "web" | "system",
  commitFiles: () => void,
): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const row = await tx.openDataRelease.create({
      data: {
        slug: r.slug,
        releaseDate: new Date(`${r.releaseDate}T00:00:00Z`),
        sequence: r.sequence,
        schemaVersion: r.schemaVersion,
        generatedAt: r.generatedAt,
        counts: r.counts,
        files: r.files as unknown as Prisma.InputJsonValue,
        changeSummary: r.changeSummary as unknown as Prisma.InputJsonValue,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "opendata.release",
      entityType: "OpenDataRelease",
      entityId: row.id,
      after: { slug: r.slug, counts: r.counts, changeSummary: r.changeSummary },
      source,
    });
    commitFiles();
    return row;
  });
}
