import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchPublicSchools } from "@/lib/public/data";
import { parsePublicSearch, type PublicSchoolSearch } from "@/lib/public/search-schema";
import { openTestDb, type TestDb } from "../support/test-db";
import { seedPublicFixture, type PublicFixture } from "../support/public-fixtures";

let t: TestDb;
let fx: PublicFixture;

beforeAll(async () => {
  t = await openTestDb();
  fx = await seedPublicFixture(t.client);
});
afterAll(async () => t?.close());

function filters(query: string): PublicSchoolSearch {
  const r = parsePublicSearch(new URLSearchParams(query));
  if (!r.ok) throw new Error(`bad query in test: ${query} ${JSON.stringify(r.issues)}`);
  return r.filters;
}
const names = async (query: string) => (await searchPublicSchools(filters(query))).data.map((s) => s.nameZh);

describe("public search", () => {
  it("finds by a partial Chinese name", async () => {
    expect(await names("q=深圳")).toEqual(["深圳技师学院"]);
    expect((await names("q=技师学院")).sort()).toEqual(["广州市机电技师学院", "杭州技师学院", "深圳技师学院", "台州第一技师学院"].sort());
  });

  it("finds by full pinyin (prefix), initials, case-insensitive and with spaces", async () => {
    expect(await names("q=shenzhen")).toEqual(["深圳技师学院"]);
    expect(await names("q=SZJSXY")).toEqual(["深圳技师学院"]);
    expect(await names("q=Shen Zhen Ji")).toEqual(["深圳技师学院"]);
    expect(await names("q=hzjsxy")).toEqual(["杭州技师学院"]);
    // Prefix only: the middle of a name's pinyin is not a match.
    expect(await names("q=jishixueyuan")).toEqual([]);
  });

  it("finds by former and alternative names, and by English name", async () => {
    expect(await names("q=深圳市高级技工")).toEqual(["深圳技师学院"]);
    expect(await names("q=职业技术培训")).toEqual(["杭州技师学院"]);
    expect(await names("q=institute of tech")).toEqual(["深圳技师学院"]);
  });

  it("treats LIKE wildcards in the query literally", async () => {
    expect(await names("q=%25")).toEqual([]);
    expect(await names("q=_")).toEqual([]);
  });

  it("filters by authority, city, tier, status", async () => {
    expect((await names("authority=zhejiang")).sort()).toEqual(["杭州技师学院", "台州第一技师学院"].sort());
    expect(await names("city=440100&sort=name")).toEqual(["广州市第二技工学校", "广州市机电技师学院"]);
    expect(await names("tier=SENIOR_TECHNICAL_SCHOOL")).toEqual(["台州第一技师学院"]);
    expect(await names("status=MERGED")).toEqual(["广州市第二技工学校"]);
    expect(await names("authority=guangdong&tier=TECHNICAL_SCHOOL")).toEqual(["广州市第二技工学校"]);
  });

  it("filters by major id or by a code of the current edition only", async () => {
    expect((await names(`major=${fx.majors.robot.id}`)).sort()).toEqual(["杭州技师学院", "深圳技师学院"].sort());
    expect(await names("major=0101")).toEqual(["深圳技师学院"]);
    // 0109 exists only in an old edition.
    expect(await names("major=0109")).toEqual([]);
  });

  it("filters by a designation valid today (not expired, not revoked)", async () => {
    expect(await names("designation=QUALITY_SCHOOL")).toEqual(["深圳技师学院"]);
    expect(await names("designation=KEY_SCHOOL")).toEqual(["杭州技师学院"]);
  });

  it("paginates with a stable total and sorts", async () => {
    const all = await searchPublicSchools(filters("sort=name&pageSize=2"));
    expect(all.total).toBe(5);
    expect(all.data).toHaveLength(2);
    const p3 = await searchPublicSchools(filters("sort=name&pageSize=2&page=3"));
    expect(p3.total).toBe(5);
    expect(p3.data).toHaveLength(1);
    const beyond = await searchPublicSchools(filters("sort=name&pageSize=2&page=9"));
    expect(beyond).toMatchObject({ total: 5, page: 9, pageSize: 2, data: [] });
    const seen = [...all.data, ...(await searchPublicSchools(filters("sort=name&pageSize=2&page=2"))).data, ...p3.data].map((s) => s.id);
    expect(new Set(seen).size).toBe(5);
    // Name order is by pinyin: guangzhou… < hangzhou… < shenzhen… < taizhou…
    expect(seen.slice(0, 2)).toEqual([fx.gzold.id, fx.gzjd.id]);
    expect(await names("sort=established&pageSize=3")).toEqual(["广州市机电技师学院", "深圳技师学院", "广州市第二技工学校"]);
  });

  it("ranks an exact name or initials match first", async () => {
    const r = await names("q=杭州技师学院");
    expect(r[0]).toBe("杭州技师学院");
  });

  it("returns public fields only: never contacts", async () => {
    const r = await searchPublicSchools(filters("q=深圳"));
    const json = JSON.stringify(r);
    expect(json).not.toContain("张联系");
    expect(json).not.toContain("0755-12345678");
    expect(json).not.toMatch(/contact/i);
    expect(r.data[0]).toMatchObject({
      publicCode: fx.shenzhen.publicCode,
      tier: "TECHNICIAN_COLLEGE",
      authority: { id: "guangdong", nameZh: "广东省" },
      city: { code: "440300", nameZh: "深圳市" },
      designations: [{ kind: "QUALITY_SCHOOL", level: "NATIONAL", status: "ACTIVE", startDate: "2022-01-01", endDate: "2099-12-31" }],
      isDemo: true,
    });
  });
});
