import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/auth/scope";
import { readCacheStats } from "@/lib/db/read-cache";
import { createSchoolAction } from "@/lib/schools/actions";
import { listSchools, MATCH_FIRST_MAX } from "@/lib/schools/data";
import { schoolListFiltersSchema } from "@/lib/schools/list-filters";
import { signInAs, testUsers } from "../support/session";
import { createForm, fakeUscc, schoolTestDb } from "./schools-fixtures";

/**
 * The console list's count (issue 15): exact, reused while the data version is the same, and a
 * user's own change counted on their next request; the stale filter counted afresh (it depends on
 * the clock). A narrow name match found first and then sorted gives the same page as the plain query.
 */
const t = schoolTestDb();
const list = (params: Record<string, string>, scope = systemScope("guangdong")) => listSchools(scope, schoolListFiltersSchema.parse(params));

async function make(nameZh: string, n: number) {
  const res = await createSchoolAction(createForm({ nameZh, uscc: fakeUscc(n) }));
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data.id;
}

beforeAll(async () => {
  signInAs(testUsers.gdOfficer);
  for (const [i, name] of ["广州市甲技工学校", "广州市乙技工学校", "深圳市丙技工学校", "深圳市丁技工学校", "佛山市戊技工学校"].entries())
    await make(name, 40 + i);
});

describe("console school list count", () => {
  it("counts a repeated list once while nothing changes (a cache hit, the same total)", async () => {
    const first = await list({ tier: "TECHNICAL_SCHOOL" });
    const before = readCacheStats();
    const again = await list({ tier: "TECHNICAL_SCHOOL", page: "2", pageSize: "10" });
    const after = readCacheStats();
    expect(again.total).toBe(first.total);
    expect(after.hits - before.hits).toBe(1);
  });

  it("counts the user's own new school on their next request", async () => {
    const before = await list({});
    await make("广州市新建技工学校", 60);
    const after = await list({});
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.map((r) => r.nameZh)).toContain("广州市新建技工学校");
  });

  it("counts a change made outside the app (plain SQL) on the next request", async () => {
    const before = await list({ status: "OPERATING" });
    await t.client.$executeRaw`UPDATE "School" SET "status" = 'RECTIFYING' WHERE "nameZh" = '佛山市戊技工学校'`;
    expect((await list({ status: "OPERATING" })).total).toBe(before.total - 1);
  });

  it("counts the stale filter afresh: never from the cache", async () => {
    await list({ stale: "1" });
    const before = readCacheStats();
    await list({ stale: "1" });
    expect(readCacheStats().hits - before.hits).toBe(0);
  });

  it("finds a narrow name match first and gives the page the plain query gives, in order", async () => {
    expect(MATCH_FIRST_MAX).toBeGreaterThan(1000);
    const all = await list({ q: "技工" }, systemScope(null));
    expect(all.total).toBe(6);
    // In pinyin order: foshan…, guangzhoushijia…, guangzhoushixinjian…, guangzhoushiyi…, shenzhen…
    const names = ["佛山市戊技工学校", "广州市甲技工学校", "广州市新建技工学校", "广州市乙技工学校", "深圳市丙技工学校", "深圳市丁技工学校"];
    expect(all.rows.map((r) => r.nameZh)).toEqual(names);
    const desc = await list({ q: "技工", pageSize: "10", page: "1", sort: "name", dir: "desc" }, systemScope(null));
    expect(desc.rows.map((r) => r.nameZh)).toEqual([...names].reverse());
    const second = await list({ q: "技工", pageSize: "10", page: "2" }, systemScope(null));
    expect(second).toMatchObject({ rows: [], total: 6 });
  });
});
