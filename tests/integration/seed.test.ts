import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { isValidUscc } from "@/lib/schools/uscc";
import { isPublicCodeShape } from "@/lib/schools/public-code";
import { seedDemo, type SeedCounts } from "@/prisma/demo";
import { PRIVILEGED_ROLES } from "@/lib/accounts/separation";
import { DEMO_USERS } from "@/prisma/demo/users";
import { makeAuthority, makeMajor, makeSchool, makeUser } from "../factories";
import { openTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
let first: SeedCounts;
let second: SeedCounts;
const tables = () =>
  Promise.all([
    t.client.authority.count(),
    t.client.division.count(),
    t.client.school.count(),
    t.client.schoolChange.count(),
    t.client.auditEvent.count(),
    t.client.schoolMajor.count(),
    t.client.designation.count(),
    t.client.major.count(),
    t.client.user.count(),
    t.client.importJob.count(),
    t.client.selectionObjection.count(),
  ]);

beforeAll(async () => {
  t = await openTestDb();
  first = await seedDemo(t.client);
});
afterAll(async () => t.close());

describe("demo seed", () => {
  it("loads the 32 authorities, xpcc without a GB code", async () => {
    const rows = await t.client.authority.findMany({ select: { id: true, gbCode: true, kind: true } });
    expect(rows).toHaveLength(32);
    expect(rows.find((a) => a.id === "xpcc")).toEqual({ id: "xpcc", gbCode: null, kind: "CORPS" });
    expect(rows.filter((a) => a.gbCode && /^\d{2}0000$/.test(a.gbCode))).toHaveLength(31);
    const shaanxi = await t.client.authority.findUnique({ where: { id: "shaanxi" }, select: { gbCode: true } });
    expect(shaanxi?.gbCode).toBe("610000");
    expect(await t.client.division.count({ where: { authorityId: "xpcc" } })).toBe(0);
  });

  it("loads ≥ 600 valid schools in every authority with a 20/15/65 tier mix", async () => {
    const schools = await t.client.school.findMany({
      select: {
        tier: true,
        uscc: true,
        namePinyin: true,
        nameInitials: true,
        publicCode: true,
        authorityId: true,
        isDemo: true,
        divisionCode: true,
        division: { select: { authorityId: true } },
      },
    });
    expect(schools.length).toBeGreaterThanOrEqual(600);
    const share = (tier: string) => (100 * schools.filter((s) => s.tier === tier).length) / schools.length;
    expect(Math.abs(share("TECHNICIAN_COLLEGE") - 20)).toBeLessThanOrEqual(5);
    expect(Math.abs(share("SENIOR_TECHNICAL_SCHOOL") - 15)).toBeLessThanOrEqual(5);
    expect(Math.abs(share("TECHNICAL_SCHOOL") - 65)).toBeLessThanOrEqual(5);
    expect(new Set(schools.map((s) => s.authorityId)).size).toBe(32);
    for (const s of schools) {
      expect(s.uscc && isValidUscc(s.uscc), s.uscc ?? "no uscc").toBe(true);
      expect(s.namePinyin).toMatch(/^[a-z0-9]+$/);
      expect(s.nameInitials).toMatch(/^[a-z0-9]+$/);
      expect(isPublicCodeShape(s.publicCode)).toBe(true);
      expect(s.isDemo).toBe(true);
      if (s.division) expect(s.division.authorityId).toBe(s.authorityId);
    }
  });

  it("uses the real names with their tier, lineage and history", async () => {
    const sz = await t.client.school.findFirst({
      where: { nameZh: "深圳技师学院" },
      select: { authorityId: true, tier: true, divisionCode: true, nameInitials: true },
    });
    expect(sz).toEqual({ authorityId: "guangdong", tier: "TECHNICIAN_COLLEGE", divisionCode: "440300", nameInitials: "szjsxy" });
    const fmt = await t.client.school.findFirst({
      where: { nameZh: "福建省飞毛腿高级技工学校" },
      select: { tier: true, changes: { where: { kind: "TIER_CHANGE" }, select: { fromTier: true, toTier: true, effectiveDate: true } } },
    });
    expect(fmt?.tier).toBe("SENIOR_TECHNICAL_SCHOOL");
    expect(fmt?.changes).toHaveLength(1);
    expect(fmt?.changes[0]).toMatchObject({ fromTier: "TECHNICAL_SCHOOL", toTier: "SENIOR_TECHNICAL_SCHOOL" });
    expect(fmt?.changes[0].effectiveDate.getUTCFullYear()).toBe(2020);
    expect(await t.client.school.count({ where: { nameZh: "山东蓝翔高级技工学校", ownership: "PRIVATE", authorityId: "shandong" } })).toBe(1);
    expect(await t.client.school.count({ where: { nameZh: "芜湖奇瑞技工学校", sponsorType: "ENTERPRISE" } })).toBe(1);
    // Every school has its establishment, and every merged school points at a successor.
    expect(await t.client.schoolChange.count({ where: { kind: "ESTABLISH" } })).toBe(await t.client.school.count());
    expect(await t.client.school.count({ where: { status: "MERGED", successorId: null } })).toBe(0);
    expect(await t.client.school.count({ where: { status: "MERGED" } })).toBeGreaterThan(0);
    expect(await t.client.schoolChange.count({ where: { kind: "RENAME" } })).toBeGreaterThan(0);
    expect(await t.client.auditEvent.count({ where: { action: "school.create", entityType: "School" } })).toBe(await t.client.school.count());
  });

  it("records audit events that replay, in time order, to each school row", async () => {
    const events = await t.client.auditEvent.findMany({
      where: { entityType: "School" },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { entityId: true, action: true, before: true, after: true, at: true },
    });
    const state = new Map<string, Record<string, unknown>>();
    for (const e of events) {
      const cur = state.get(e.entityId);
      if (!cur) expect(e.action).toBe("school.create");
      const next = { ...(cur ?? {}) };
      for (const [k, v] of Object.entries((e.before ?? {}) as object)) expect(next[k], `${e.entityId} ${e.action} ${k}`).toEqual(v);
      state.set(e.entityId, Object.assign(next, e.after as object));
      expect(e.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
    const schools = await t.client.school.findMany({
      select: { id: true, nameZh: true, tier: true, status: true, tierSince: true, successorId: true, formerNames: true, fullTimeStudents: true },
    });
    expect(state.size).toBe(schools.length);
    for (const s of schools) {
      expect(state.get(s.id)).toMatchObject({
        nameZh: s.nameZh,
        tier: s.tier,
        status: s.status,
        successorId: s.successorId,
        formerNames: s.formerNames,
        fullTimeStudents: s.fullTimeStudents,
        tierSince: s.tierSince?.toISOString().slice(0, 10) ?? null,
      });
    }
  });

  it("flags about 15 % of the register as unconfirmed for over a year", async () => {
    const yearAgo = new Date();
    yearAgo.setMonth(yearAgo.getMonth() - 12);
    const onRegister = { status: { in: ["PREPARING", "OPERATING", "ENROLMENT_SUSPENDED", "RECTIFYING"] as const } };
    const all = await t.client.school.count({ where: { status: { in: [...onRegister.status.in] } } });
    const stale = await t.client.school.count({ where: { status: { in: [...onRegister.status.in] }, lastConfirmedAt: { lt: yearAgo } } });
    expect(stale / all).toBeGreaterThan(0.08);
    expect(stale / all).toBeLessThan(0.25);
  });

  it("loads ≥ 60 majors in ≥ 10 categories, offered only at levels the tier teaches", async () => {
    expect(await t.client.major.count()).toBeGreaterThanOrEqual(60);
    expect(await t.client.majorCategory.count()).toBeGreaterThanOrEqual(10);
    expect(await t.client.majorCatalogEdition.count({ where: { code: "demo-2026", isCurrent: true, isDemo: true } })).toBe(1);
    expect(await t.client.schoolMajor.count({ where: { level: "PRE_TECHNICIAN", school: { tier: { not: "TECHNICIAN_COLLEGE" } } } })).toBe(0);
    expect(await t.client.schoolMajor.count({ where: { level: "PRE_TECHNICIAN" } })).toBeGreaterThan(0);
    expect(await t.client.schoolMajor.count({ where: { level: "ADVANCED", school: { tier: "TECHNICAL_SCHOOL" } } })).toBe(0);
    const perSchool = await t.client.schoolMajor.groupBy({ by: ["schoolId"], _count: { _all: true } });
    expect(perSchool.length).toBe(await t.client.school.count());
    expect(Math.min(...perSchool.map((g) => g._count._all))).toBeGreaterThanOrEqual(3);
    expect(Math.max(...perSchool.map((g) => g._count._all))).toBeLessThanOrEqual(12);
  });

  it("adds designations; quality ones come only from an announced selection batch", async () => {
    const quality = { kind: { in: ["QUALITY_SCHOOL" as const, "QUALITY_MAJOR" as const] } };
    expect(await t.client.designation.count({ where: { NOT: quality } })).toBeGreaterThanOrEqual(60);
    expect(await t.client.designation.count({ where: { ...quality, batchLabel: null } })).toBe(0);
    expect(await t.client.designation.count({ where: { isDemo: false } })).toBe(0);
  });

  it("creates each demo account with its role, authority and a working password", async () => {
    for (const u of DEMO_USERS) {
      const row = await t.client.user.findUnique({
        where: { username: u.username },
        select: { role: true, authorityId: true, isDemo: true, passwordHash: true },
      });
      expect(row, u.username).toMatchObject({ role: u.role, authorityId: u.authorityId, isDemo: true });
    }
    const gd = await t.client.user.findUnique({ where: { username: "gd-officer" }, select: { passwordHash: true } });
    expect(await verifyPassword("Officer#2026demo", gd!.passwordHash)).toBe(true);
    expect(DEMO_USERS.map((u) => u.username)).toEqual(
      expect.arrayContaining(["admin", "ministry", "gd-officer", "zj-officer", "expert1", "expert2", "auditor"]),
    );
  });

  it("names the person behind every privileged demo account, and shows one request waiting for a second person", async () => {
    const privileged = await t.client.user.findMany({
      where: { isDemo: true, role: { in: [...PRIVILEGED_ROLES] } },
      select: { username: true, personId: true },
    });
    expect(privileged.length).toBeGreaterThanOrEqual(5);
    for (const account of privileged) expect(account.personId, account.username).toMatch(/^DEMOSTAFF\d{4}$/);
    expect(new Set(privileged.map((a) => a.personId)).size).toBe(privileged.length);
    expect(await t.client.accountRequest.findMany({ where: { status: "PENDING" }, select: { kind: true, targetId: true, requestedById: true } })).toEqual([
      { kind: "END_SESSIONS", targetId: "demo-user-auditor", requestedById: "demo-user-sysadmin" },
    ]);
  });

  it("is idempotent and leaves edited rows alone", async () => {
    const before = await tables();
    const edited = await t.client.school.update({ where: { id: "demo-guangdong-001" }, data: { address: "改过的地址" }, select: { address: true } });
    second = await seedDemo(t.client);
    expect(
      Object.values(second).every((n) => n === 0),
      JSON.stringify(second),
    ).toBe(true);
    expect(await tables()).toEqual(before);
    expect((await t.client.school.findUnique({ where: { id: "demo-guangdong-001" }, select: { address: true } }))?.address).toBe(edited.address);
    expect(first.schools).toBeGreaterThanOrEqual(600);
  });
});

describe("test factories", () => {
  it("insert valid rows with unique defaults, beside the seed", async () => {
    const a = await makeSchool(t.client);
    const b = await makeSchool(t.client, { authorityId: "zhejiang", tier: "TECHNICIAN_COLLEGE" });
    expect(a.id).not.toBe(b.id);
    expect(a.publicCode).not.toBe(b.publicCode);
    const rows = await t.client.school.findMany({ where: { id: { in: [a.id, b.id] } }, select: { uscc: true, isDemo: true, namePinyin: true, tier: true } });
    expect(rows.every((r) => r.uscc && isValidUscc(r.uscc) && !r.isDemo && r.namePinyin.length > 0)).toBe(true);
    expect(await makeAuthority(t.client, "test-land")).toBe("test-land");
    const officer = await makeUser(t.client, "PROVINCE_OFFICER", "test-land");
    expect(officer).toMatchObject({ role: "PROVINCE_OFFICER", authorityId: "test-land" });
    const stored = await t.client.user.findUnique({ where: { id: officer.id }, select: { passwordHash: true } });
    expect(await verifyPassword(officer.password, stored!.passwordHash)).toBe(true);
    const m1 = await makeMajor(t.client);
    const m2 = await makeMajor(t.client, { editionId: m1.editionId, categoryId: m1.categoryId });
    expect(m1.code).not.toBe(m2.code);
  });
});
