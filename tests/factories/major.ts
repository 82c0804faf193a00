import type { Prisma } from "../../lib/db/generated/client";
import { uniqueTag, type Db } from "./sequence";

export type MadeMajor = { id: string; editionId: string; categoryId: string; code: string };

/**
 * Inserts a major; its edition ("test-edition", current) and category ("T01") are created when
 * not given. Codes are opaque strings, unique within the edition.
 */
export async function makeMajor(db: Db, overrides: Partial<Prisma.MajorUncheckedCreateInput> = {}): Promise<MadeMajor> {
  let { editionId, categoryId } = overrides;
  if (!editionId) {
    editionId = "test-edition";
    await db.majorCatalogEdition.createMany({
      data: [{ id: editionId, code: "test-edition", nameZh: "测试目录", nameEn: "Test catalogue", isCurrent: true }],
      skipDuplicates: true,
    });
  }
  if (!categoryId) {
    categoryId = `${editionId}-T01`;
    await db.majorCategory.createMany({
      data: [{ id: categoryId, editionId, code: "T01", nameZh: "测试类", nameEn: "Test category" }],
      skipDuplicates: true,
    });
  }
  const t = uniqueTag();
  return db.major.create({
    data: { code: `T${t}`, nameZh: `测试专业${t}`, nameEn: `Test major ${t}`, ...overrides, editionId, categoryId },
    select: { id: true, editionId: true, categoryId: true, code: true },
  });
}
