import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { addSchoolMajorAction, changeSchoolMajorStatusAction } from "@/lib/school-majors/actions";
import { loadSchoolMajorsPage } from "@/lib/school-majors/loaders";
import { makeAuthority, makeSchool } from "../factories";
import { formData } from "../support/form";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
const majors: Record<string, string> = {};
beforeAll(async () => {
  t = await openTestDb();
  for (const id of ["guangdong", "zhejiang"]) await makeAuthority(t.client, id);
  for (const [code, isCurrent] of [
    ["old", false],
    ["cur", true],
  ] as const) {
    const e = await t.client.majorCatalogEdition.create({ data: { code, nameZh: `目录${code}`, nameEn: code, isCurrent } });
    const c = await t.client.majorCategory.create({ data: { editionId: e.id, code: "01", nameZh: "机械类", nameEn: "Machinery" } });
    for (const [mc, name] of [
      ["0101", "数控加工"],
      ["0102", "焊接加工"],
    ]) {
      const m = await t.client.major.create({ data: { editionId: e.id, categoryId: c.id, code: mc, nameZh: name, nameEn: name } });
      majors[`${code}-${mc}`] = m.id;
    }
  }
});
afterAll(async () => t.close());

const school = (authorityId: string, tier: SchoolTier = "TECHNICIAN_COLLEGE", status: SchoolStatus = "OPERATING") =>
  makeSchool(t.client, { authorityId, tier, status });
const add = (schoolId: string, extra: Record<string, string | number | boolean> = {}) =>
  addSchoolMajorAction(null, formData({ schoolId, majorId: majors["cur-0101"], level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3, ...extra }));
const setStatus = (schoolMajorId: string, fromStatus: string, toStatus: string) =>
  changeSchoolMajorStatusAction(null, formData({ schoolMajorId, fromStatus, toStatus }));

async function counts(schoolId: string) {
  const [audit, rows, s] = await Promise.all([
    db().auditEvent.count(),
    db().schoolMajor.count(),
    db().school.findUniqueOrThrow({ where: { id: schoolId }, select: { version: true } }),
  ]);
  return { audit, rows, version: s.version };
}

beforeEach(() => signInAs(testUsers.gdOfficer));

describe("adding a major", () => {
  it("adds from the current edition, audited with the school's authority, without bumping the school's version", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    const r = await add(s.id);
    expect(r).toMatchObject({ ok: true, data: { schoolId: s.id } });
    const row = await db().schoolMajor.findFirstOrThrow({ where: { schoolId: s.id } });
    expect(row).toMatchObject({ majorId: majors["cur-0101"], level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3, status: "FILED" });
    expect(await db().auditEvent.findFirst({ where: { entityId: row.id } })).toMatchObject({
      action: "schoolMajor.create",
      entityType: "SchoolMajor",
      authorityId: "guangdong",
      after: { schoolId: s.id, majorId: majors["cur-0101"], level: "INTERMEDIATE", startingPoint: "JUNIOR_SECONDARY", years: 3, status: "FILED" },
    });
    expect(await counts(s.id)).toEqual({ audit: before.audit + 1, rows: before.rows + 1, version: before.version });
  });

  it("refuses a duplicate (school, major, level, starting point) with DUPLICATE; another starting point is fine", async () => {
    const s = await school("guangdong");
    expect(await add(s.id)).toMatchObject({ ok: true });
    const before = await counts(s.id);
    expect(await add(s.id, { years: 4 })).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { majorId: [{ key: "majorDuplicate" }] } });
    expect(await counts(s.id)).toEqual(before);
    expect(await add(s.id, { startingPoint: "SENIOR_SECONDARY", years: 2 })).toMatchObject({ ok: true });
  });

  it("refuses a major of an old edition, years outside 1–6 and a closed school", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    const old = await add(s.id, { majorId: majors["old-0101"] });
    expect(old).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { majorId: [{ key: "majorNotInCurrentEdition" }] } });
    for (const years of [0, 7, 2.5]) expect(await add(s.id, { years })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { years: [{}] } });
    const closed = await school("guangdong", "TECHNICIAN_COLLEGE", "REVOKED");
    expect(await add(closed.id)).toMatchObject({ ok: false, fieldErrors: { majorId: [{ key: "schoolNotOnRegister" }] } });
    expect((await counts(s.id)).rows).toBe(before.rows);
  });

  it("returns a level warning first and writes nothing; saves on the confirmed second submit", async () => {
    for (const [tier, level, key] of [
      ["TECHNICAL_SCHOOL", "ADVANCED", "levelAboveTier"],
      ["SENIOR_TECHNICAL_SCHOOL", "PRE_TECHNICIAN", "levelPreTechnicianOutsideCollege"],
    ] as const) {
      const s = await school("guangdong", tier);
      const before = await counts(s.id);
      const first = await add(s.id, { level });
      expect(first).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { confirmWarnings: [{ key: "confirmLevelWarning" }] },
        detail: { warnings: [{ field: "level", key }] },
      });
      expect(await counts(s.id)).toEqual(before);
      const second = await add(s.id, { level, confirmWarnings: true });
      expect(second).toMatchObject({ ok: true, warnings: [{ key }] });
      expect(await counts(s.id)).toMatchObject({ audit: before.audit + 1, rows: before.rows + 1 });
      expect((await db().auditEvent.findFirst({ where: { action: "schoolMajor.create" }, orderBy: { at: "desc" } }))?.reason).toContain(key);
    }
    const college = await school("guangdong", "TECHNICIAN_COLLEGE");
    expect(await add(college.id, { level: "PRE_TECHNICIAN", startingPoint: "SENIOR_SECONDARY" })).toMatchObject({ ok: true });
  });

  it("refuses another authority's school (NOT_FOUND), experts and auditors (FORBIDDEN); the ministry may add", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    signInAs(testUsers.zjOfficer);
    expect(await add(s.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(testUsers.expert);
    expect(await add(s.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(testUsers.auditor);
    expect(await add(s.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await counts(s.id)).toEqual(before);
    signInAs(testUsers.admin);
    expect(await add(s.id)).toMatchObject({ ok: true });
  });
});

describe("major status", () => {
  async function added(authority = "guangdong") {
    const s = await school(authority);
    signInAs(authority === "guangdong" ? testUsers.gdOfficer : testUsers.zjOfficer);
    const r = await add(s.id);
    if (!r.ok) throw new Error(r.code);
    return { school: s, id: r.data.schoolMajorId };
  }

  it("goes 备案 → 招生 ↔ 停招 → 撤销, each step audited with the school id", async () => {
    const { school: s, id } = await added();
    const before = await counts(s.id);
    for (const [from, to] of [
      ["FILED", "ENROLLING"],
      ["ENROLLING", "SUSPENDED"],
      ["SUSPENDED", "ENROLLING"],
      ["ENROLLING", "SUSPENDED"],
      ["SUSPENDED", "WITHDRAWN"],
    ]) {
      expect(await setStatus(id, from, to)).toMatchObject({ ok: true, data: { status: to } });
    }
    expect(await counts(s.id)).toEqual({ ...before, audit: before.audit + 5 });
    const last = await db().auditEvent.findFirst({ where: { entityId: id, action: "schoolMajor.status" }, orderBy: { at: "desc" } });
    expect(last).toMatchObject({ authorityId: "guangdong", before: { schoolId: s.id, status: "SUSPENDED" }, after: { schoolId: s.id, status: "WITHDRAWN" } });
  });

  it("refuses transitions not in the table, from 撤销, and stale statuses, writing nothing", async () => {
    const { school: s, id } = await added();
    const before = await counts(s.id);
    expect(await setStatus(id, "FILED", "SUSPENDED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { from: "FILED", to: "SUSPENDED" } });
    expect(await setStatus(id, "ENROLLING", "SUSPENDED")).toMatchObject({ ok: false, code: "STALE_VERSION" });
    expect(await counts(s.id)).toEqual(before);
    expect(await setStatus(id, "FILED", "WITHDRAWN")).toMatchObject({ ok: true });
    expect(await setStatus(id, "WITHDRAWN", "ENROLLING")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect((await db().schoolMajor.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
  });

  it("refuses another authority's officer (NOT_FOUND) and non-writers", async () => {
    const { school: s, id } = await added();
    const before = await counts(s.id);
    signInAs(testUsers.zjOfficer);
    expect(await setStatus(id, "FILED", "ENROLLING")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(testUsers.auditor);
    expect(await setStatus(id, "FILED", "ENROLLING")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await counts(s.id)).toEqual(before);
    expect((await db().schoolMajor.findUniqueOrThrow({ where: { id } })).status).toBe("FILED");
  });
});

describe("majors page loader", () => {
  it("shows the school's majors to its officer and auditors (read-only), not to another authority or experts", async () => {
    const s = await school("guangdong", "SENIOR_TECHNICAL_SCHOOL");
    expect(await add(s.id)).toMatchObject({ ok: true });
    const page = await loadSchoolMajorsPage(s.id);
    expect(page).toMatchObject({ canEdit: true, canAdd: true, typicalLevels: ["INTERMEDIATE", "ADVANCED"] });
    expect(page.majors.map((m) => [m.major.nameZh, m.targets])).toEqual([["数控加工", ["ENROLLING", "WITHDRAWN"]]]);
    expect(page.catalogue?.categories[0].majors.map((m) => m.code)).toEqual(["0101", "0102"]);
    signInAs(testUsers.auditor);
    expect(await loadSchoolMajorsPage(s.id)).toMatchObject({ canEdit: false, catalogue: null });
    signInAs(testUsers.zjOfficer);
    await expect(loadSchoolMajorsPage(s.id)).rejects.toThrow("NEXT_NOT_FOUND");
    signInAs(testUsers.expert);
    await expect(loadSchoolMajorsPage(s.id)).rejects.toThrow("NEXT_FORBIDDEN");
  });
});
