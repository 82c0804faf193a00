import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/auth/scope";
import { listSchoolsForExport } from "@/lib/exports/data";
import { loadPublicSearch } from "@/lib/public/loaders";
import { schoolNamePinyin } from "@/lib/schools/pinyin";
import { loadSchoolList } from "@/lib/schools/loaders";
import { schoolListFiltersSchema } from "@/lib/schools/list-filters";
import { makeSchool, type MadeSchool } from "../factories";
import { openTestDb, type TestDb } from "../support/test-db";
import { signInAs, testUsers } from "../support/session";

/**
 * One search (issue 11, finding 1): for every query in the table, the console list (as the
 * ministry, all authorities, through its loader), the console export and the public search
 * (signed out, through its loader) list the same schools — and the schools the table expects,
 * so that two equally wrong answers cannot pass. The public search hides no status, so every
 * school here is visible on both sides (one is MERGED on purpose).
 */
let t: TestDb;
const s: Record<"gzMech" | "szFirst" | "hzCollege" | "gzTraffic" | "tzElec", MadeSchool & { uscc: string }> = {} as never;

async function make(key: keyof typeof s, over: Parameters<typeof makeSchool>[1]) {
  const made = await makeSchool(t.client, over);
  const { uscc } = await t.client.school.findUniqueOrThrow({ where: { id: made.id }, select: { uscc: true } });
  s[key] = { ...made, uscc: uscc! };
}

beforeAll(async () => {
  t = await openTestDb();
  await make("gzMech", { nameZh: "广州市机械技师学院", nameEn: "Guangzhou Mechanical Technician College", altNames: ["广机技"], tier: "TECHNICIAN_COLLEGE" });
  await make("szFirst", { nameZh: "深圳市第一技工学校", nameEn: "Shenzhen No.1 Technical School" });
  await make("hzCollege", { nameZh: "杭州市高级技工学校", nameEn: "Hangzhou Technician College", authorityId: "zhejiang" });
  await make("gzTraffic", { nameZh: "广州市交通高级技工学校", status: "MERGED" });
  await make("tzElec", { nameZh: "台州机电技工学校", altNames: ["台机"], authorityId: "zhejiang" });
  // A rename as lib/school-changes writes it: the old name joins formerNames, pinyin follows the new name
  // (the trigger then rewrites searchText and searchGrams).
  const renamed = "杭州技师学院";
  await t.client.school.update({
    where: { id: s.hzCollege.id },
    data: { nameZh: renamed, formerNames: ["杭州市高级技工学校"], ...schoolNamePinyin(renamed) },
  });
});
afterAll(async () => t?.close());

type Key = keyof typeof s;
const table: [string, string | (() => string), Key[]][] = [
  ["Chinese, 1 character", "机", ["gzMech", "tzElec"]],
  ["Chinese, 2 characters", "广州", ["gzMech", "gzTraffic"]],
  ["Chinese, 4 characters", "技师学院", ["gzMech", "hzCollege"]],
  ["Chinese, 4 characters in the middle", "第一技工", ["szFirst"]],
  ["full pinyin", "guangzhou", ["gzMech", "gzTraffic"]],
  ["full pinyin, mixed case and spaces", "Guang Zhou Shi", ["gzMech", "gzTraffic"]],
  ["full pinyin of a school's English name too", "shenzhen", ["szFirst"]],
  ["pinyin initials", "gzs", ["gzMech", "gzTraffic"]],
  ["pinyin initials, upper case", "HZJSXY", ["hzCollege"]],
  // Pinyin is a prefix match (the indexed columns): the middle of a name's pinyin is not a match;
  // "zhou" still finds the English names that contain it.
  ["pinyin from the middle of a name", "jixiejishi", []],
  ["latin letters inside English names", "zhou", ["gzMech", "hzCollege"]],
  ["USCC", () => s.szFirst.uscc, ["szFirst"]],
  ["USCC, lower case with spaces around", () => `  ${s.szFirst.uscc.toLowerCase()} `, ["szFirst"]],
  ["public code", () => s.hzCollege.publicCode, ["hzCollege"]],
  ["public code, lower case", () => s.hzCollege.publicCode.toLowerCase(), ["hzCollege"]],
  ["English name, part", "mechanical technician", ["gzMech"]],
  ["English name, mixed case", "TECHNICIAN College", ["gzMech", "hzCollege"]],
  ["former name (after the rename)", "杭州市高级技工学校", ["hzCollege"]],
  ["part of a former name and a current name", "高级技工", ["hzCollege", "gzTraffic"]],
  ["alternative name, 3 characters", "广机技", ["gzMech"]],
  ["alternative name, 2 characters", "台机", ["tzElec"]],
  ["surrounding spaces", "  广州  ", ["gzMech", "gzTraffic"]],
  ["LIKE wildcards are literal", "技%院", []],
];

const sorted = (ids: string[]) => [...ids].sort();

describe("one search: console list, console export and public search agree", () => {
  for (const [label, query, expected] of table) {
    it(`${label}`, async () => {
      const q = typeof query === "function" ? query() : query;
      signInAs(testUsers.ministry);
      const consoleIds = (await loadSchoolList({ q, pageSize: "200" })).rows.map((r) => r.id);
      const exportIds = (await listSchoolsForExport(systemScope(null), schoolListFiltersSchema.parse({ q }))).map((r) => r.id);
      signInAs(null);
      const publicIds = (await loadPublicSearch({ q, pageSize: "100" })).result.data.map((r) => r.id);
      const want = sorted(expected.map((k) => s[k].id));
      expect({ console: sorted(consoleIds), export: sorted(exportIds), public: sorted(publicIds) }).toEqual({ console: want, export: want, public: want });
    });
  }

  it("the console's scope and filters narrow the same match", async () => {
    signInAs(testUsers.gdOfficer);
    expect(sorted((await loadSchoolList({ q: "技工", pageSize: "200" })).rows.map((r) => r.id))).toEqual(sorted([s.szFirst.id, s.gzTraffic.id]));
    expect((await loadSchoolList({ q: "技工", status: "MERGED" })).rows.map((r) => r.id)).toEqual([s.gzTraffic.id]);
    signInAs(null);
    expect((await loadPublicSearch({ q: "技工", status: "MERGED" })).result.data.map((r) => r.id)).toEqual([s.gzTraffic.id]);
  });
});
