import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { commitImportAction } from "@/lib/imports/actions";
import { signInAs, testUsers } from "../support/session";
import { csvOf, upload, utf8 } from "./imports-fixtures";
import { fakeUscc, schoolTestDb } from "./schools-fixtures";

vi.mock("next-intl/server", () => import("./imports-i18n"));

/** Importing the majors schools offer: matched by school + major code + level + starting point. */
const t = schoolTestDb();
const ids: Record<string, string> = {};
beforeAll(async () => {
  const old = await t.client.majorCatalogEdition.create({ data: { code: "2018", nameZh: "2018 版", nameEn: "2018", isCurrent: false } });
  const cur = await t.client.majorCatalogEdition.create({ data: { code: "2024", nameZh: "2024 版", nameEn: "2024", isCurrent: true } });
  for (const e of [old, cur]) {
    const c = await t.client.majorCategory.create({ data: { editionId: e.id, code: "01", nameZh: "机械类", nameEn: "Machinery" } });
    for (const [code, name] of [
      ["0101", "数控加工"],
      ["0102", "焊接加工"],
    ]) {
      const m = await t.client.major.create({ data: { editionId: e.id, categoryId: c.id, code, nameZh: name, nameEn: name } });
      ids[`${e.code}-${code}`] = m.id;
    }
  }
  const mk = (n: number, authorityId: string, tier: "TECHNICIAN_COLLEGE" | "TECHNICAL_SCHOOL", status: "OPERATING" | "REVOKED" = "OPERATING") =>
    t.client.school.create({
      data: {
        publicCode: `MJ00000${n}`,
        nameZh: `专业导入测试学校${n}`,
        tier,
        status,
        ownership: "PUBLIC",
        sponsorType: "HR_DEPARTMENT",
        authorityId,
        uscc: fakeUscc(700000 + n),
      },
    });
  ids.college = (await mk(1, "guangdong", "TECHNICIAN_COLLEGE")).id;
  ids.school = (await mk(2, "guangdong", "TECHNICAL_SCHOOL")).id;
  ids.revoked = (await mk(3, "guangdong", "TECHNICAL_SCHOOL", "REVOKED")).id;
  ids.zj = (await mk(4, "zhejiang", "TECHNICIAN_COLLEGE")).id;
  ids.existing = (
    await t.client.schoolMajor.create({
      data: { schoolId: ids.college, majorId: ids["2024-0101"], level: "ADVANCED", startingPoint: "JUNIOR_SECONDARY", years: 5, status: "ENROLLING" },
    })
  ).id;
  ids.filed = (
    await t.client.schoolMajor.create({
      data: { schoolId: ids.school, majorId: ids["2024-0101"], level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3, status: "FILED" },
    })
  ).id;
});
beforeEach(() => signInAs(testUsers.gdOfficer));

const row = (over: Record<string, string | number>) => ({
  登记编号: "",
  统一社会信用代码: "",
  专业代码: "0102",
  培养层次: "中级工",
  起点: "初中起点",
  "学制（年）": 3,
  状态: "",
  ...over,
});

describe("school majors import", () => {
  it("checks each row with the majors' rules and commits new and changed majors, audited", async () => {
    const rows = [
      row({ 登记编号: ids.college }), // 2: new
      row({ 统一社会信用代码: fakeUscc(700001), 专业代码: "0101", 培养层次: "高级工", "学制（年）": 5, 状态: "招生" }), // 3: unchanged
      row({ 登记编号: ids.school, 专业代码: "0101", "学制（年）": 4, 状态: "招生" }), // 4: update (years, status)
      row({ 登记编号: ids.school, 培养层次: "预备技师" }), // 5: new with a warning
      row({ 登记编号: ids.zj }), // 6: another authority
      row({ 登记编号: ids.college, 专业代码: "9999" }), // 7: unknown major
      row({ 登记编号: ids.college, "学制（年）": 9 }), // 8: years out of range
      row({ 登记编号: ids.college }), // 9: duplicate of row 2
      row({ 登记编号: ids.revoked }), // 10: school no longer on the register
      row({ 培养层次: "初级工" }), // 11: no school, bad level
    ];
    const res = await upload(utf8(csvOf(rows)), { kind: "schoolMajors" });
    if (res.phase !== "done") throw new Error(JSON.stringify(res));
    expect(res.summary.counts, JSON.stringify(res.summary.issues)).toEqual({ create: 2, update: 1, unchanged: 1, error: 6 });
    const issues = res.summary.issues.map((i) => [i.row, i.column, i.key, i.severity]);
    expect(issues).toEqual([
      [5, "培养层次", "levelPreTechnicianOutsideCollege", "warning"],
      [6, "登记编号", "importSchoolOtherAuthority", "error"],
      [7, "专业代码", "importMajorUnknown", "error"],
      [8, "学制（年）", "tooBig", "error"],
      [9, "专业代码", "importDuplicateInFile", "error"],
      [10, "登记编号", "schoolNotOnRegister", "error"],
      [11, "培养层次", "enumValue", "error"],
      [11, "登记编号", "importSchoolRequired", "error"],
    ]);
    expect(res.summary.issues.find((i) => i.row === 7)!.message).toBe("现行专业目录中没有代码为“9999”的专业。");
    expect(res.summary.issues.find((i) => i.row === 5)!.value).toBe("预备技师");

    // The fixed file: the bad rows removed.
    const fixed = await upload(utf8(csvOf(rows.slice(0, 4))), { kind: "schoolMajors", name: "专业.csv" });
    if (fixed.phase !== "done") throw new Error("upload failed");
    expect(fixed.summary.counts).toEqual({ create: 2, update: 1, unchanged: 1, error: 0 });
    expect(fixed.summary.sample[0].changes).toEqual([
      { field: "years", column: "学制（年）", from: "3", to: "4" },
      { field: "status", column: "状态", from: "备案", to: "招生" },
    ]);
    const out = await commitImportAction({ jobId: fixed.jobId });
    expect(out).toMatchObject({ ok: true, data: { counts: { create: 2, update: 1 } } });
    expect(await db().schoolMajor.findUniqueOrThrow({ where: { id: ids.filed } })).toMatchObject({ years: 4, status: "ENROLLING" });
    expect(await db().schoolMajor.findUniqueOrThrow({ where: { id: ids.existing } })).toMatchObject({ years: 5, status: "ENROLLING" });
    expect(await db().schoolMajor.count({ where: { schoolId: { in: [ids.college, ids.school] } } })).toBe(4);
    const events = await db().auditEvent.findMany({
      where: { entityType: "SchoolMajor" },
      orderBy: { action: "asc" },
      select: { action: true, source: true, authorityId: true, before: true, after: true },
    });
    expect(events.map((e) => e.action)).toEqual(["schoolMajor.create", "schoolMajor.create", "schoolMajor.status", "schoolMajor.update"]);
    expect(events.every((e) => e.source === "import" && e.authorityId === "guangdong")).toBe(true);
    expect(events[2]).toMatchObject({ before: { status: "FILED", schoolId: ids.school }, after: { status: "ENROLLING" } });
  });

  it("refuses a status change that the table does not allow", async () => {
    // 招生 → 备案 is not in 备案 → 招生 ↔ 停招 → 撤销.
    const res = await upload(utf8(csvOf([row({ 登记编号: ids.college, 专业代码: "0101", 培养层次: "高级工", "学制（年）": 5, 状态: "备案" })])), {
      kind: "schoolMajors",
    });
    if (res.phase !== "done") throw new Error("upload failed");
    expect(res.summary.issues.map((i) => [i.column, i.message])).toEqual([["状态", "专业状态不能从“招生”改为“备案”（备案 → 招生 ↔ 停招 → 撤销）。"]]);
  });
});
