import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataVersion, readCacheStats } from "@/lib/db/read-cache";
import { getPublicSchool, searchPublicSchools } from "@/lib/public/data";
import { publicSchoolSearchSchema } from "@/lib/public/search-schema";
import { seedPublicFixture } from "../support/public-fixtures";
import { openTestDb, type TestDb } from "../support/test-db";

/**
 * The public-read cache against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * a repeated read is served from memory; any committed change to public data — by the app, by
 * another process or by hand-written SQL — raises DataVersion (database triggers) and the next
 * read sees it; a transaction that rolls back raises nothing.
 */
describe("public-read cache (DataVersion)", () => {
  let t: TestDb;
  let schoolId: string;
  const search = (q: string) => searchPublicSchools(publicSchoolSearchSchema.parse({ q }));

  beforeAll(async () => {
    t = await openTestDb();
    await seedPublicFixture(t.client);
    schoolId = (await t.client.school.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } })).id;
  });
  afterAll(async () => t?.close());

  it("serves a repeated read from memory, after one version read", async () => {
    const first = await search("技师");
    const before = readCacheStats();
    const again = await search("技师");
    const after = readCacheStats();
    expect(again).toBe(first);
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(0);
    expect(after.versionReads - before.versionReads).toBe(1);
  });

  it("sees a change made with plain SQL (as another process or a script would) on the next read", async () => {
    const v0 = await dataVersion();
    const before = await getPublicSchool(schoolId);
    await t.client.$executeRaw`UPDATE "School" SET "nameZh" = '缓存测试技师学院' WHERE "id" = ${schoolId}`;
    expect(await dataVersion()).toBeGreaterThan(v0!);
    const after = await getPublicSchool(schoolId);
    expect(before?.nameZh).not.toBe("缓存测试技师学院");
    expect(after?.nameZh).toBe("缓存测试技师学院");
    // The search text follows the name (trigger): found by a piece of the new name, 1, 2 or 4 characters.
    for (const q of ["缓", "缓存", "缓存测试"])
      expect(
        (await search(q)).data.map((s) => s.id),
        q,
      ).toContain(schoolId);
  });

  it("raises the version once per committed transaction, and not for one that rolls back", async () => {
    const v0 = (await dataVersion())!;
    await t.client.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "School" SET "address" = 'a' WHERE "id" = ${schoolId}`;
      await tx.$executeRaw`UPDATE "School" SET "address" = 'b' WHERE "id" = ${schoolId}`;
    });
    expect(await dataVersion()).toBe(v0 + 1n);
    await expect(
      t.client.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "School" SET "address" = 'c' WHERE "id" = ${schoolId}`;
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await dataVersion()).toBe(v0 + 1n);
  });

  it("is not raised by writes that public pages do not show (rate-limit counters)", async () => {
    const v0 = await dataVersion();
    await t.client.$executeRaw`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ('ip:test', now(), 1)`;
    expect(await dataVersion()).toBe(v0);
  });

  it("hands out frozen values outside production, so a caller that mutates one fails in tests", async () => {
    const r = await search("技师");
    expect(Object.isFrozen(r.data)).toBe(true);
    expect(() => (r.data as unknown[]).push(1)).toThrow();
  });
});
