import "server-only";
import { readDb } from "@/lib/db/client";

/**
 * The schools the sitemap lists: every school has a public page (/schools/<public code>), closed and
 * merged ones too (their record and successor stay public). Ordered by public code, which never
 * changes and is never reused, so a page of the sitemap keeps its schools between requests.
 */
export async function countSchools(): Promise<number> {
  return readDb().school.count();
}

export async function schoolPageEntries(offset: number, limit: number): Promise<{ publicCode: string; updatedAt: Date }[]> {
  return readDb().school.findMany({ select: { publicCode: true, updatedAt: true }, orderBy: { publicCode: "asc" }, skip: offset, take: limit });
}
