import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { storeBytes } from "@/lib/files/mutations";
import { dateOnly } from "@/lib/kernel/dates";
import type { ChangeSummary } from "./changelog";
import type { ReleaseFile } from "./data";
import { releaseContentType } from "./content-type";

/**
 * Records a release: the row every app process lists, its files (stored in the database, a chunk
 * at a time: lib/files) and its audit event, in the write's transaction — a release is listed
 * only with all its files, and a failure leaves none of them.
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

export async function recordRelease(ctx: WriteContext, r: NewRelease, files: Map<string, Uint8Array>): Promise<{ id: string }> {
  const row = await ctx.tx.openDataRelease.create({
    data: {
      slug: r.slug,
      releaseDate: dateOnly(r.releaseDate),
      sequence: r.sequence,
      schemaVersion: r.schemaVersion,
      generatedAt: r.generatedAt,
      counts: r.counts,
      files: r.files as unknown as Prisma.InputJsonValue,
      changeSummary: r.changeSummary as unknown as Prisma.InputJsonValue,
      createdById: ctx.actor.id,
    },
    select: { id: true },
  });
  await ctx.audit({
    action: "opendata.release",
    entityType: "OpenDataRelease",
    entityId: row.id,
    after: { slug: r.slug, counts: r.counts, changeSummary: r.changeSummary },
  });
  for (const [name, bytes] of files) {
    const stored = await storeBytes(ctx.tx, bytes, releaseContentType(name));
    await ctx.tx.openDataReleaseFile.create({ data: { releaseId: row.id, name, fileId: stored.id }, select: { name: true } });
  }
  return row;
}
