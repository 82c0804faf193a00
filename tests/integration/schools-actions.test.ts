import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { confirmSchoolAction, createSchoolAction, updateSchoolAction } from "@/lib/schools/actions";
import { signInAs, testUsers } from "../support/session";
import { createForm, editForm, fakeUscc, schoolTestDb } from "./schools-fixtures";

const t = schoolTestDb();
let gdId: string;
let zjId: string;

beforeAll(async () => {
  signInAs(testUsers.gdOfficer);
  const gd = await createSchoolAction(createForm());
  signInAs(testUsers.zjOfficer);
  const zj = await createSchoolAction(
    createForm({ nameZh: "杭州市测试技师学院", tier: "TECHNICIAN_COLLEGE", authorityId: "zhejiang", divisionCode: "330100", uscc: fakeUscc(2) }),
  );
  if (!gd.ok || !zj.ok) throw new Error(`fixture schools not created: ${JSON.stringify([gd, zj])}`);
  gdId = gd.data.id;
  zjId = zj.data.id;
});
beforeEach(() => signInAs(testUsers.gdOfficer));

const row = (id: string) => t.client.school.findUniqueOrThrow({ where: { id } });
const auditsOf = (id: string) => t.client.auditEvent.findMany({ where: { entityType: "School", entityId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("createSchoolAction", () => {
  it("registers a school with its codes, an ESTABLISH change, a full audit event and warnings", async () => {
    const res = await createSchoolAction(createForm({ nameZh: "深圳市第二技工学校", divisionCode: "440300", uscc: fakeUscc(3), altNames: "深圳二技\n深二技" }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    // 500 students and 900 person-times against a 技工学校's 800/800: one warning, not a refusal.
    expect(res.warnings).toEqual([{ field: "fullTimeStudents", key: "belowStandard", params: { value: 500, min: 800 } }]);
    const s = await row(res.data.id);
    expect(s).toMatchObject({
      authorityId: "guangdong",
      namePinyin: "shenzhenshidierjigongxuexiao",
      nameInitials: "szsdejgxx",
      altNames: ["深圳二技", "深二技"],
      version: 1,
      status: "OPERATING",
      lastConfirmedById: testUsers.gdOfficer.id,
    });
    expect(s.publicCode).toMatch(/^[2-9A-Z]{8}$/);
    expect(s.lastConfirmedAt).not.toBeNull();
    const changes = await t.client.schoolChange.findMany({ where: { schoolId: s.id } });
    expect(changes).toMatchObject([{ kind: "ESTABLISH", toName: "深圳市第二技工学校", toTier: "TECHNICAL_SCHOOL", toStatus: "OPERATING" }]);
    expect(changes[0].effectiveDate.toISOString().slice(0, 10)).toBe("2020-09-01");
    const [audit] = await auditsOf(s.id);
    expect(audit).toMatchObject({ action: "school.create", authorityId: "guangdong", actorId: testUsers.gdOfficer.id, before: null });
    expect(audit.after).toMatchObject({
      nameZh: "深圳市第二技工学校",
      publicCode: s.publicCode,
      tier: "TECHNICAL_SCHOOL",
      approvalDate: "2020-06-01",
      establishedDate: "2020-09-01",
      divisionCode: "440300",
      fullTimeStudents: 500,
      contactPhone: null,
    });
  });

  it("names what is wrong with a credit code, with the expected check character", async () => {
    const good = fakeUscc(4);
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const res = await createSchoolAction(createForm({ nameZh: "校验位错误技工学校", uscc: bad }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION" });
    if (res.ok) return;
    expect(res.fieldErrors?.uscc).toEqual([{ key: "usccCheckDigit", params: { expected: good[17], actual: bad[17] } }]);
    expect(await t.client.school.count({ where: { nameZh: "校验位错误技工学校" } })).toBe(0);
  });

  it("refuses a credit code used anywhere in the registry, naming the school that holds it", async () => {
    const res = await createSchoolAction(createForm({ nameZh: "重复代码技工学校", uscc: fakeUscc(2) }));
    expect(res).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { uscc: [{ key: "usccTaken", params: { name: "杭州市测试技师学院" } }] } });
  });

  it("refuses a name already used in the same authority but not in another", async () => {
    const dup = await createSchoolAction(createForm({ uscc: fakeUscc(5) }));
    expect(dup).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { nameZh: [{ key: "nameTaken" }] } });
    signInAs(testUsers.admin);
    const other = await createSchoolAction(createForm({ authorityId: "zhejiang", divisionCode: "330100", uscc: fakeUscc(6) }));
    expect(other.ok).toBe(true);
  });

  it("refuses a city of another authority", async () => {
    const res = await createSchoolAction(createForm({ nameZh: "错地市技工学校", divisionCode: "330100", uscc: fakeUscc(7) }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { divisionCode: [{ key: "divisionNotInAuthority" }] } });
  });

  it("keeps an officer in their own authority; the authority is filled in when left out", async () => {
    const before = await t.client.school.count();
    expect(
      await createSchoolAction(createForm({ nameZh: "越权新建技工学校", authorityId: "zhejiang", divisionCode: "330100", uscc: fakeUscc(8) })),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await t.client.school.count()).toBe(before);
    const filled = await createSchoolAction(createForm({ nameZh: "省略登记机关技工学校", authorityId: "", uscc: fakeUscc(9) }));
    expect(filled.ok).toBe(true);
    if (filled.ok) expect((await row(filled.data.id)).authorityId).toBe("guangdong");
  });

  it("is refused to experts, auditors and anonymous callers", async () => {
    const before = await t.client.school.count();
    for (const user of [testUsers.expert, testUsers.auditor]) {
      signInAs(user);
      expect(await createSchoolAction(createForm({ nameZh: "无权新建技工学校", uscc: fakeUscc(10) }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs(null);
    expect(await createSchoolAction(createForm({ nameZh: "无权新建技工学校", uscc: fakeUscc(10) }))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await t.client.school.count()).toBe(before);
  });
});

describe("updateSchoolAction", () => {
  it("saves only the changed fields, bumps the version and audits old and new values", async () => {
    const s = await row(gdId);
    const res = await updateSchoolAction(editForm(s, { fullTimeStudents: "1200", address: "广州市天河区测试路1号", establishedDate: "2019-09-01" }));
    expect(res).toMatchObject({ ok: true, data: { id: gdId, version: s.version + 1, changed: 3 } });
    const after = await row(gdId);
    expect(after).toMatchObject({ fullTimeStudents: 1200, address: "广州市天河区测试路1号", version: s.version + 1, nameZh: s.nameZh, tier: s.tier });
    const last = (await auditsOf(gdId)).at(-1)!;
    expect(last).toMatchObject({
      action: "school.update",
      authorityId: "guangdong",
      before: { fullTimeStudents: s.fullTimeStudents, address: null, establishedDate: "2020-09-01" },
      after: { fullTimeStudents: 1200, address: "广州市天河区测试路1号", establishedDate: "2019-09-01" },
    });
  });

  it("writes nothing when nothing changed", async () => {
    const s = await row(gdId);
    const n = (await auditsOf(gdId)).length;
    expect(await updateSchoolAction(editForm(s))).toMatchObject({ ok: true, data: { changed: 0, version: s.version } });
    expect((await row(gdId)).version).toBe(s.version);
    expect(await auditsOf(gdId)).toHaveLength(n);
  });

  it("ignores fields the edit form may not change (name, tier, status, authority)", async () => {
    const s = await row(gdId);
    await updateSchoolAction(
      editForm(s, { nameZh: "偷改名称技工学校", tier: "TECHNICIAN_COLLEGE", status: "REVOKED", authorityId: "zhejiang", teachers: "61" }),
    );
    expect(await row(gdId)).toMatchObject({ nameZh: s.nameZh, tier: s.tier, status: s.status, authorityId: "guangdong", teachers: 61 });
  });

  it("refuses a stale version, saying who changed what, and accepts the re-applied input", async () => {
    const s = await row(gdId);
    signInAs(testUsers.admin);
    expect((await updateSchoolAction(editForm(s, { teachers: "70" }))).ok).toBe(true);
    signInAs(testUsers.gdOfficer);
    const mine = editForm(s, { teachers: "65", contactName: "李老师" });
    const res = await updateSchoolAction(mine);
    expect(res).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
      detail: { changedBy: testUsers.admin.displayName, version: s.version + 1, changes: [{ field: "teachers", yours: 65, theirs: 70 }] },
    });
    expect((await row(gdId)).teachers).toBe(70);
    mine.set("version", String(s.version + 1));
    expect((await updateSchoolAction(mine)).ok).toBe(true);
    expect(await row(gdId)).toMatchObject({ teachers: 65, contactName: "李老师" });
  });

  it("refuses a credit code held by another school", async () => {
    const s = await row(gdId);
    const res = await updateSchoolAction(editForm(s, { uscc: fakeUscc(2) }));
    expect(res).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { uscc: [{ key: "usccTaken", params: { name: "杭州市测试技师学院" } }] } });
  });

  it("does not let a guangdong officer change a zhejiang school, nor experts or auditors write", async () => {
    const zj = await row(zjId);
    expect(await updateSchoolAction(editForm(zj, { teachers: "1" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const user of [testUsers.expert, testUsers.auditor]) {
      signInAs(user);
      expect(await updateSchoolAction(editForm(zj, { teachers: "1" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await row(zjId)).toEqual(zj);
  });

  it("returns field errors as catalog keys", async () => {
    const s = await row(gdId);
    const res = await updateSchoolAction(editForm(s, { fullTimeStudents: "-3", website: "ftp://x", uscc: "12345" }));
    expect(res).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { fullTimeStudents: [{ key: "negative" }], website: [{ key: "url" }], uscc: [{ key: "usccLength", params: { length: 5 } }] },
    });
  });
});

describe("confirmSchoolAction", () => {
  it("records the confirmation, bumps the version and audits it", async () => {
    const s = await row(gdId);
    const res = await confirmSchoolAction({ id: gdId, version: String(s.version) });
    expect(res).toMatchObject({ ok: true, data: { version: s.version + 1 } });
    const after = await row(gdId);
    expect(after.version).toBe(s.version + 1);
    expect(after.lastConfirmedAt!.getTime()).toBeGreaterThan(s.lastConfirmedAt!.getTime());
    const last = (await auditsOf(gdId)).at(-1)!;
    expect(last).toMatchObject({ action: "school.confirm", after: { lastConfirmedById: testUsers.gdOfficer.id } });
  });

  it("refuses a stale version", async () => {
    const s = await row(gdId);
    expect(await confirmSchoolAction({ id: gdId, version: String(s.version - 1) })).toMatchObject({ ok: false, code: "STALE_VERSION" });
    expect((await row(gdId)).version).toBe(s.version);
  });

  it("does not let a guangdong officer confirm a zhejiang school, nor experts or auditors", async () => {
    const zj = await row(zjId);
    expect(await confirmSchoolAction({ id: zjId, version: String(zj.version) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const user of [testUsers.expert, testUsers.auditor]) {
      signInAs(user);
      expect(await confirmSchoolAction({ id: zjId, version: String(zj.version) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await row(zjId)).toEqual(zj);
  });
});
