import { createHash } from "node:crypto";
import { readFileBytes } from "@/lib/files/data";
import { releaseFileRef } from "./data";
import type { ReleaseDatasets } from "./records";

/**
 * A release's files are stored in the database (lib/files, docs/decisions/0070), one
 * OpenDataReleaseFile row per name: the names a release may have (content types: ./content-type.ts) and the
 * previous release's records the next one compares with.
 */
export const SLUG_PATTERN = /^\d{4}-\d{2}-\d{2}-\d{1,3}$/;
export const FILE_PATTERN = /^[a-z][a-z-]{0,30}\.(csv|json|md)$/;

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The previous release's records (its JSON files); null when they cannot be read. */
export async function readReleaseData(slug: string): Promise<Partial<ReleaseDatasets> | null> {
  const out: Partial<ReleaseDatasets> = {};
  for (const name of ["schools", "school-majors", "majors", "designations"] as const) {
    const ref = await releaseFileRef(slug, `${name}.json`);
    const bytes = ref ? await readFileBytes(ref.fileId) : null;
    if (!bytes) return null;
    try {
      const doc = JSON.parse(new TextDecoder().decode(bytes)) as { records?: unknown };
      if (!Array.isArray(doc.records)) return null;
      (out as Record<string, unknown>)[name] = doc.records;
    } catch {
      return null;
    }
  }
  return out;
}
