import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { dateOnly } from "@/lib/kernel/dates";
import type { ChangeSummary } from "./changelog";
import type { ReleaseFile } from "./data";

/**
 * Records a release: the row every app process lists, and its audit event, in the write's transaction.
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

export async function recordRelease(ctx: WriteContext, r: NewRelease, commitFiles: () => void): Promise<{ id: string }> {
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
  commitFiles();
  return row;
}
