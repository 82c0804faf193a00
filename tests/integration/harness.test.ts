import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { openTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

it("opens a migrated database and the data layer uses it", async () => {
  await db().authority.create({ data: { id: "x", nameZh: "测试", nameEn: "Test", shortZh: "测", kind: "PROVINCE", sortOrder: 1 } });
  expect(await t.client.authority.count()).toBe(1);
});
