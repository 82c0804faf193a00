import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "@/lib/opendata/messages";
import { loadPublicSearch } from "@/lib/public/loaders";
import { renameAction } from "@/lib/school-changes/actions";
import { createSchoolAction } from "@/lib/schools/actions";
import { loadSchoolPage } from "@/lib/schools/loaders";
import { loadMyReviews } from "@/lib/selection/reviews/loaders";
import { makeSchool } from "../factories";
import { signInAs, testUsers } from "../support/session";
import { createForm, fakeUscc, schoolTestDb } from "./schools-fixtures";

/**
 * Issue 12, finding 7 (look-alike and direction tricks) and the field half of finding 5 (a lone
 * surrogate answered with an error page), through the real actions on the file's database (PGlite,
 * or PostgreSQL with TEST_DATABASE_URL). Each reproduction failed before: the Kangxi name was
 * registered as a second school, U+202E was stored in the address, the lone surrogate threw 22P02.
 */
const t = schoolTestDb();
let serial = 100;
const form = (over: Record<string, string>) => createForm({ uscc: fakeUscc(serial++), ...over });
/** The form as a JSON action body delivers it (a lone surrogate survives JSON, not a form post). */
const body = (over: Record<string, string>) => ({ ...Object.fromEntries(form({}).entries()), ...over });

beforeEach(() => signInAs(testUsers.gdOfficer));
const renameBase = (school: { id: string; version: number }) => ({
  schoolId: school.id,
  version: String(school.version),
  documentNo: "粤人社函〔2026〕9号",
  effectiveDate: "2026-01-05",
});

describe("one name, however it is written", () => {
  it("refuses 佛山汽车技⼯学校 (Kangxi radical U+2F2F) next to 佛山汽车技工学校 as DUPLICATE", async () => {
    const first = await createSchoolAction(form({ nameZh: "佛山汽车技工学校" }));
    expect(first.ok).toBe(true);
    const second = await createSchoolAction(form({ nameZh: "佛山汽车技\u2f2f学校" }));
    expect(second).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { nameZh: [{ key: "nameTaken" }] } });
    expect(await t.client.school.count({ where: { nameZh: { startsWith: "佛山汽车技" } } })).toBe(1);
  });

  it("stores the normalised name: full-width letters as ASCII, brackets full-width in a Chinese name", async () => {
    const r = await createSchoolAction(form({ nameZh: "佛山市ＡＢ技工学校(南海分校)", nameEn: "Ｆｏｓｈａｎ AB School (Nanhai)" }));
    if (!r.ok) throw new Error(JSON.stringify(r));
    const row = await t.client.school.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(row).toMatchObject({ nameZh: "佛山市AB技工学校（南海分校）", nameEn: "Foshan AB School (Nanhai)" });
    const again = await createSchoolAction(form({ nameZh: "佛山市AB技工学校（南海分校）" }));
    expect(again).toMatchObject({ ok: false, code: "DUPLICATE" });
  });

  it("a rename to the Kangxi form of another school's name is DUPLICATE too", async () => {
    const other = await makeSchool(t.client, { nameZh: "江门市机电技工学校" });
    const school = await makeSchool(t.client, { nameZh: "江门市旧名技工学校" });
    const r = await renameAction({ ...renameBase(school), newNameZh: "江门市机电技\u2f2f学校" });
    expect(r).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { newNameZh: [{ key: "nameTaken" }] } });
    expect(other.nameZh).toBe("江门市机电技工学校");
    const lookAlike = await renameAction({ ...renameBase(school), newNameZh: "江门市机电技エ学校" });
    expect(lookAlike).toMatchObject({ ok: true, warnings: [{ field: "newNameZh", key: "lookAlikeName", params: { name: "江门市机电技工学校" } }] });
  });

  it("the search normalises the query the same way: the Kangxi and full-width forms find the school", async () => {
    signInAs(null);
    for (const q of ["汽车技\u2f2f", "ＡＢ技工", "(南海分校)"]) {
      const names = (await loadPublicSearch({ q })).result.data.map((s) => s.nameZh);
      expect(names.length, q).toBeGreaterThan(0);
    }
    // The expert's "declare a tie" search too (its own query, lib/selection/reviews).
    signInAs(testUsers.expert);
    expect((await loadMyReviews("汽车技\u2f2f")).found.map((s) => s.nameZh)).toContain("佛山汽车技工学校");
  });

  it("warns (never refuses) when a name only looks like another one of the authority", async () => {
    const r = await createSchoolAction(form({ nameZh: "佛山汽车技エ学校" })); // katakana エ, not 工
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toContainEqual({ field: "nameZh", key: "lookAlikeName", params: { name: "佛山汽车技工学校" } });
    // …and the school's page keeps saying so, for whoever looks at it later.
    expect((await loadSchoolPage(r.data.id)).warnings).toContainEqual({ field: "nameZh", key: "lookAlikeName", params: { name: "佛山汽车技工学校" } });
    signInAs(testUsers.zjOfficer);
    const elsewhere = await createSchoolAction(form({ nameZh: "佛山汽车技エ学校", authorityId: "zhejiang", divisionCode: "330100" }));
    if (elsewhere.ok) expect(elsewhere.warnings?.some((w) => w.key === "lookAlikeName")).toBe(false);
  });
});

describe("direction and invisible characters in every free-text field", () => {
  for (const field of ["address", "sponsorName", "contactName", "approvalDocNo"]) {
    it(`U+202E in ${field} is a field error, nothing stored`, async () => {
      const before = await t.client.school.count();
      const r = await createSchoolAction(form({ nameZh: "佛山市方向技工学校", [field]: "佛山市\u202e路1号" }));
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [field]: [{ key: "invisibleCharacter" }] } });
      expect(await t.client.school.count()).toBe(before);
    });
  }

  it("the field error reads in the user's language", () => {
    const zh = translator("zh-CN")("validation.invisibleCharacter");
    const en = translator("en")("validation.invisibleCharacter");
    expect(zh).toContain("文字方向");
    expect(en).toContain("text-direction");
  });
});

describe("a lone UTF-16 surrogate (finding 5): a field error, not an error page", () => {
  for (const [field, value] of [
    ["nameZh", "佛山市\ud800技工学校"],
    ["contactName", "张\udc00"],
    ["address", "\ud83d佛山"],
  ] as const) {
    it(`in ${field}`, async () => {
      const r = await createSchoolAction(body({ nameZh: "佛山市代理技工学校", [field]: value }));
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [field]: [{ key: "brokenCharacter" }] } });
    });
  }

  it("a paired surrogate (a character outside the BMP) is fine", async () => {
    const r = await createSchoolAction(body({ nameZh: "佛山市𠀀技工学校", contactName: "张𠮷" }));
    expect(r.ok).toBe(true);
  });
});

describe("migration 20261205191300_normalise_school_names on rows written before", () => {
  it("normalises names, keeps a row whose normal form is taken, and the trigger refreshes the search text", async () => {
    const kangxi = await makeSchool(t.client, { nameZh: "韶关市交通技\u2f2f学校", nameEn: "Ｓhaoguan", altNames: ["韶交(旧)"] });
    const brackets = await makeSchool(t.client, { nameZh: "韶关市技工学校(分校)" });
    const taken = await makeSchool(t.client, { nameZh: "韶关市机电技\u2f2f学校" });
    await makeSchool(t.client, { nameZh: "韶关市机电技工学校" });
    const sql = fs.readFileSync(path.join("prisma/migrations/20261205191300_normalise_school_names/migration.sql"), "utf8");
    await t.engine.exec(sql);
    const row = (id: string) => t.client.school.findUniqueOrThrow({ where: { id }, select: { nameZh: true, nameEn: true, altNames: true, searchText: true } });
    expect(await row(kangxi.id)).toMatchObject({ nameZh: "韶关市交通技工学校", nameEn: "Shaoguan", altNames: ["韶交（旧）"] });
    expect((await row(kangxi.id)).searchText).toContain("韶关市交通技工学校");
    expect((await row(brackets.id)).nameZh).toBe("韶关市技工学校（分校）");
    expect((await row(taken.id)).nameZh).toBe("韶关市机电技\u2f2f学校");
  });
});
