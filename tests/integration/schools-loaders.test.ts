import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/auth/scope";
import { createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { getSchoolForEdit, listSchools } from "@/lib/schools/data";
import { schoolListFiltersSchema } from "@/lib/schools/list-filters";
import { loadNewSchoolForm, loadSchoolEdit, loadSchoolList, loadSchoolPage } from "@/lib/schools/loaders";
import { scopeCounts } from "@/lib/stats/data";
import { signInAs, testUsers } from "../support/session";
import { createForm, editForm, fakeUscc, schoolTestDb } from "./schools-fixtures";

const t = schoolTestDb();
const ids: Record<string, string> = {};

async function make(key: string, over: Record<string, string>) {
  const res = await createSchoolAction(createForm(over));
  if (!res.ok) throw new Error(`${key}: ${JSON.stringify(res)}`);
  ids[key] = res.data.id;
}

beforeAll(async () => {
  signInAs(testUsers.gdOfficer);
  await make("gzCollege", {
    nameZh: "广州市工贸技师学院",
    tier: "TECHNICIAN_COLLEGE",
    uscc: fakeUscc(11),
    fullTimeStudents: "5000",
    trainingPersonTimes: "3000",
    nameEn: "Guangzhou Industry and Trade Technician College",
  });
  await make("szSchool", { nameZh: "深圳市第一技工学校", divisionCode: "440300", uscc: fakeUscc(12) });
  await make("gzSenior", { nameZh: "广州市交通高级技工学校", tier: "SENIOR_TECHNICAL_SCHOOL", status: "PREPARING", uscc: fakeUscc(13), altNames: "广交高技" });
  signInAs(testUsers.zjOfficer);
  await make("hzCollege", { nameZh: "杭州技师学院", tier: "TECHNICIAN_COLLEGE", authorityId: "zhejiang", divisionCode: "330100", uscc: fakeUscc(14) });
  // One stale record (confirmed 13 months ago) and one never confirmed; a revoked school is never stale.
  const old = new Date(Date.now() - 400 * 24 * 3600 * 1000);
  await t.client.school.update({ where: { id: ids.szSchool }, data: { lastConfirmedAt: old } });
  await t.client.school.update({ where: { id: ids.hzCollege }, data: { lastConfirmedAt: null } });
  // A designation and a major of the Guangzhou college, with their audit events (as other features write them).
  const d = await t.client.designation.create({
    data: { schoolId: ids.gzCollege, kind: "QUALITY_SCHOOL", level: "NATIONAL", startDate: new Date("2022-01-01") },
  });
  await t.client.auditEvent.create({
    data: {
      actorLabel: "部管理员",
      action: "designation.create",
      entityType: "Designation",
      entityId: d.id,
      authorityId: "guangdong",
      after: { kind: "QUALITY_SCHOOL", status: "ACTIVE" },
    },
  });
  const edition = await t.client.majorCatalogEdition.create({ data: { code: "E1", nameZh: "目录", nameEn: "Catalogue", isCurrent: true } });
  const cat = await t.client.majorCategory.create({ data: { editionId: edition.id, code: "01", nameZh: "机械类", nameEn: "Mechanical" } });
  const major = await t.client.major.create({ data: { editionId: edition.id, categoryId: cat.id, code: "0101-4", nameZh: "数控加工", nameEn: "CNC" } });
  const sm = await t.client.schoolMajor.create({
    data: { schoolId: ids.gzCollege, majorId: major.id, level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5 },
  });
  await t.client.auditEvent.create({
    data: {
      actorLabel: "广东经办人",
      action: "schoolMajor.create",
      entityType: "SchoolMajor",
      entityId: sm.id,
      authorityId: "guangdong",
      after: { level: "ADVANCED", years: 5 },
    },
  });
  // Another school's event must not leak into the Guangzhou college's history.
  await t.client.auditEvent.create({
    data: { actorLabel: "x", action: "school.update", entityType: "School", entityId: ids.szSchool, after: { teachers: 1 } },
  });
});
beforeEach(() => signInAs(testUsers.gdOfficer));

const names = (rows: { nameZh: string }[]) => rows.map((r) => r.nameZh);

describe("loadSchoolList", () => {
  it("shows an officer only their own authority, whatever the URL says", async () => {
    const data = await loadSchoolList({ authority: "zhejiang" });
    expect(data.total).toBe(3);
    expect(data.rows.every((r) => r.authorityId === "guangdong")).toBe(true);
    expect(data.filters.authority).toBeUndefined();
    expect(data.authorities).toEqual([]);
    expect(data.divisions.map((d) => d.code)).toEqual(["440100", "440300"]);
  });

  it("lets ministry roles and auditors see all, or narrow to one authority", async () => {
    for (const user of [testUsers.admin, testUsers.ministry, testUsers.auditor]) {
      signInAs(user);
      expect((await loadSchoolList({})).total).toBe(4);
      const zj = await loadSchoolList({ authority: "zhejiang" });
      expect(names(zj.rows)).toEqual(["杭州技师学院"]);
      expect(zj.authorities.length).toBe(2);
    }
    signInAs(testUsers.auditor);
    expect((await loadSchoolList({})).canWrite).toBe(false);
  });

  it("refuses experts and anonymous visitors", async () => {
    signInAs(testUsers.expert);
    await expect(loadSchoolList({})).rejects.toThrow("NEXT_FORBIDDEN");
    signInAs(null);
    await expect(loadSchoolList({})).rejects.toThrow("NEXT_REDIRECT:/sign-in");
  });

  it("filters by name part, pinyin, initials, tier, status, city, designation and staleness", async () => {
    const q = async (params: Record<string, string>) => names((await loadSchoolList(params)).rows).sort();
    expect(await q({ q: "广州" })).toEqual(["广州市交通高级技工学校", "广州市工贸技师学院"]);
    expect(await q({ q: "交通" })).toEqual(["广州市交通高级技工学校"]);
    expect(await q({ q: "广交高技" })).toEqual(["广州市交通高级技工学校"]);
    expect(await q({ q: "TRADE tech" })).toEqual(["广州市工贸技师学院"]);
    expect(await q({ q: "shenzhen" })).toEqual(["深圳市第一技工学校"]);
    expect(await q({ q: "gzsgm" })).toEqual(["广州市工贸技师学院"]);
    expect(await q({ q: fakeUscc(12) })).toEqual(["深圳市第一技工学校"]);
    expect(await q({ tier: "TECHNICIAN_COLLEGE" })).toEqual(["广州市工贸技师学院"]);
    expect(await q({ status: "PREPARING" })).toEqual(["广州市交通高级技工学校"]);
    expect(await q({ city: "440300" })).toEqual(["深圳市第一技工学校"]);
    expect(await q({ designation: "QUALITY_SCHOOL" })).toEqual(["广州市工贸技师学院"]);
    expect(await q({ stale: "1" })).toEqual(["深圳市第一技工学校"]);
  });

  it("flags stale rows with the same rule as the console home count", async () => {
    signInAs(testUsers.admin);
    const all = await loadSchoolList({ pageSize: "200" });
    expect(
      all.rows
        .filter((r) => r.stale)
        .map((r) => r.nameZh)
        .sort(),
    ).toEqual(["杭州技师学院", "深圳市第一技工学校"]);
    for (const authority of [null, "guangdong", "zhejiang"]) {
      const scope = systemScope(authority);
      const stale = await listSchools(scope, schoolListFiltersSchema.parse({ stale: "1" }));
      expect((await scopeCounts(scope)).stale).toBe(stale.total);
    }
  });

  it("sorts and pages, and reports bad parameters instead of failing", async () => {
    const byTier = await loadSchoolList({ sort: "tier" });
    expect(byTier.rows.map((r) => r.tier)).toEqual(["TECHNICIAN_COLLEGE", "SENIOR_TECHNICAL_SCHOOL", "TECHNICAL_SCHOOL"]);
    const confirmedAsc = await loadSchoolList({ sort: "confirmed", dir: "asc" });
    expect(confirmedAsc.rows[0].nameZh).toBe("深圳市第一技工学校");
    const page2 = await loadSchoolList({ pageSize: "10", page: "2" });
    expect(page2.rows).toEqual([]);
    expect(page2.total).toBe(3);
    const bad = await loadSchoolList({ tier: "UNIVERSITY", pageSize: "9999", q: "广州" });
    expect(bad.invalid.sort()).toEqual(["pageSize", "tier"]);
    expect(bad.total).toBe(2);
  });
});

describe("getSchoolForEdit and the edit/page loaders", () => {
  it("returns nothing outside the scope", async () => {
    expect(await getSchoolForEdit(systemScope("guangdong"), ids.hzCollege)).toBeNull();
    expect((await getSchoolForEdit(systemScope("zhejiang"), ids.hzCollege))?.nameZh).toBe("杭州技师学院");
    expect((await getSchoolForEdit(systemScope(null), ids.hzCollege))?.nameZh).toBe("杭州技师学院");
  });

  it("answers 'not found' to a guangdong officer asking for a zhejiang school", async () => {
    await expect(loadSchoolEdit(ids.hzCollege)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(loadSchoolPage(ids.hzCollege)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(loadSchoolPage("no-such-id")).rejects.toThrow("NEXT_NOT_FOUND");
    expect((await loadSchoolEdit(ids.gzCollege)).school.nameZh).toBe("广州市工贸技师学院");
  });

  it("keeps the forms from those who cannot write", async () => {
    for (const user of [testUsers.auditor, testUsers.expert]) {
      signInAs(user);
      await expect(loadSchoolEdit(ids.gzCollege)).rejects.toThrow("NEXT_FORBIDDEN");
      await expect(loadNewSchoolForm()).rejects.toThrow("NEXT_FORBIDDEN");
    }
    signInAs(testUsers.auditor);
    expect((await loadSchoolPage(ids.gzCollege)).canWrite).toBe(false);
    signInAs(testUsers.expert);
    await expect(loadSchoolPage(ids.gzCollege)).rejects.toThrow("NEXT_FORBIDDEN");
  });

  it("offers an officer only their own authority on the new-school form", async () => {
    const data = await loadNewSchoolForm();
    expect(data.authorities.map((a) => a.id)).toEqual(["guangdong"]);
    expect(data.divisions.every((d) => d.authorityId === "guangdong")).toBe(true);
    signInAs(testUsers.admin);
    expect((await loadNewSchoolForm()).authorities.map((a) => a.id).sort()).toEqual(["guangdong", "zhejiang"]);
  });

  it("shows the school's history newest first: its own, its majors' and its designations' events", async () => {
    const s = await t.client.school.findUniqueOrThrow({ where: { id: ids.gzCollege } });
    expect((await updateSchoolAction(editForm(s, { teachers: "150" }))).ok).toBe(true);
    const page = await loadSchoolPage(ids.gzCollege);
    expect(page.history.events.map((e) => e.action)).toEqual(["school.update", "schoolMajor.create", "designation.create", "school.create"]);
    expect(page.history.total).toBe(4);
    expect(page.history.events[0]).toMatchObject({ actorLabel: testUsers.gdOfficer.displayName, before: { teachers: 60 }, after: { teachers: 150 } });
    expect(page.history.events[1].subject).toBe("数控加工（0101-4）");
    expect(page.confirmedBy).toBe(testUsers.gdOfficer.displayName);
    expect(page.warnings).toEqual([]);
    const second = await loadSchoolPage(ids.gzCollege, 2);
    expect(second.history.events).toEqual([]);
  });

  it("shows setting-standard warnings for the stored figures", async () => {
    const page = await loadSchoolPage(ids.szSchool);
    expect(page.warnings).toContainEqual({ field: "fullTimeStudents", key: "belowStandard", params: { value: 500, min: 800 } });
    expect(page.stale).toBe(true);
  });
});
