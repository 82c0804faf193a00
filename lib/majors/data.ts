import "server-only";
import { db } from "@/lib/db/client";

/**
 * Reads of the major catalogue (技工院校专业目录): versioned reference data, public, no scope.
 * Codes are opaque strings (shared/domain.md §4).
 */
const editionSelect = { id: true, code: true, nameZh: true, nameEn: true, publishedOn: true, isDemo: true } as const;

/** The edition new school majors are added from; null until one is marked current. */
export async function getCurrentEdition() {
  return db().majorCatalogEdition.findFirst({ where: { isCurrent: true }, orderBy: { publishedOn: "desc" }, select: editionSelect });
}

export async function listCategories(editionId: string) {
  return db().majorCategory.findMany({
    where: { editionId },
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
}

export async function listMajors(editionId: string, categoryId?: string) {
  return db().major.findMany({
    where: { editionId, ...(categoryId ? { categoryId } : {}) },
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameZh: true, nameEn: true, categoryId: true },
  });
}

/** The current edition with its categories and majors, for a "category, then major" picker. */
export async function getCurrentCatalogue() {
  const edition = await getCurrentEdition();
  if (!edition) return null;
  const [categories, majors] = await Promise.all([listCategories(edition.id), listMajors(edition.id)]);
  return {
    edition,
    categories: categories.map((c) => ({ ...c, majors: majors.filter((m) => m.categoryId === c.id) })),
  };
}

export type CurrentCatalogue = NonNullable<Awaited<ReturnType<typeof getCurrentCatalogue>>>;
