import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { changeTierAction, renameAction } from "@/lib/school-changes/actions";
import { loadLineage } from "@/lib/school-changes/loaders";
import { makeAuthority, makeSchool } from "../factories";
import { formData } from "../support/form";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  for (const id of ["guangdong", "zhejiang"]) await makeAuthority(t.client, id);
});
afterAll(async () => t.close());

const school = (authorityId: string, tier: SchoolTier = "TECHNICAL_SCHOOL", status: SchoolStatus = "OPERATING", nameZh?: string) =>
  makeSchool(t.client, {
    authorityId,
    tier,
    status,
    ...(nameZh ? { nameZh } : {}),
    // A stored pinyin the rename must replace.
    namePinyin: "old",
    nameInitials: "old",
    tierSince: new Date("2012-09-01T00:00:00Z"),
    approvalDocNo: "粤人社〔2012〕1号",
    approvalDate: new Date("2012-08-01T00:00:00Z"),
  });

const tierForm = (id: string, toTier: SchoolTier, extra: Record<string, string | number | boolean> = {}) =>
  formData({ schoolId: id, version: 1, toTier, approvalDocNo: "粤人社函〔2024〕88号", approvalDate: "2024-06-01", effectiveDate: "2024-07-01", ...extra });

async function snapshot(id: string) {
  const [audit, changes, s] = await Promise.all([
    db().auditEvent.count(),
    db().schoolChange.count(),
    db().school.findUniqueOrThrow({ where: { id }, select: { tier: true, nameZh: true, version: true, formerNames: true } }),
  ]);
  return { audit, changes, ...s };
}

const firstKey = (r: Awaited<ReturnType<typeof changeTierAction>>, field: string) => (r.ok ? null : r.fieldErrors?.[field]?.[0]?.key);

beforeEach(() => signInAs(testUsers.gdOfficer));

describe("tier change", () => {
  it("upgrades one step: same school, same public code, dated change, audit with only changed fields", async () => {
    const s = await school("guangdong");
    const before = await snapshot(s.id);
    expect(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL"))).toMatchObject({ ok: true, data: { schoolId: s.id, version: 2 } });
    const row = await db().school.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ id: s.id, publicCode: s.publicCode, tier: "SENIOR_TECHNICAL_SCHOOL", approvalDocNo: "粤人社函〔2024〕88号", version: 2 });
    expect(row.tierSince?.toISOString().slice(0, 10)).toBe("2024-07-01");
    expect(row.approvalDate?.toISOString().slice(0, 10)).toBe("2024-06-01");
    expect(await db().schoolChange.findFirst({ where: { schoolId: s.id } })).toMatchObject({
      kind: "TIER_CHANGE",
      fromTier: "TECHNICAL_SCHOOL",
      toTier: "SENIOR_TECHNICAL_SCHOOL",
      documentNo: "粤人社函〔2024〕88号",
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: s.id } });
    expect(audit).toMatchObject({
      action: "school.tier",
      entityType: "School",
      authorityId: "guangdong",
      before: { tier: "TECHNICAL_SCHOOL", tierSince: "2012-09-01", approvalDocNo: "粤人社〔2012〕1号", approvalDate: "2012-08-01" },
      after: { tier: "SENIOR_TECHNICAL_SCHOOL", tierSince: "2024-07-01", approvalDocNo: "粤人社函〔2024〕88号", approvalDate: "2024-06-01" },
    });
    expect(await snapshot(s.id)).toMatchObject({ audit: before.audit + 1, changes: before.changes + 1 });
  });

  it("refuses a two-step jump without override, then a too-short justification, and writes nothing", async () => {
    const s = await school("guangdong");
    const before = await snapshot(s.id);
    const extra = { approvalDocNo: "粤府函〔2024〕5号" };
    expect(firstKey(await changeTierAction(null, tierForm(s.id, "TECHNICIAN_COLLEGE", extra)), "toTier")).toBe("tierSkipNeedsOverride");
    expect(
      firstKey(await changeTierAction(null, tierForm(s.id, "TECHNICIAN_COLLEGE", { ...extra, override: true, justification: "特批" })), "justification"),
    ).toBe("justificationTooShort");
    expect(await snapshot(s.id)).toEqual(before);
    const ok = await changeTierAction(
      null,
      tierForm(s.id, "TECHNICIAN_COLLEGE", { ...extra, override: true, justification: "经省政府常务会议研究，同意跨级设置为技师学院" }),
    );
    expect(ok).toMatchObject({ ok: true });
    expect(await db().schoolChange.findFirst({ where: { schoolId: s.id } })).toMatchObject({
      reasonCode: "TIER_OVERRIDE",
      note: expect.stringContaining("省政府"),
    });
  });

  it("requires the provincial government's document number for 技师学院", async () => {
    const s = await school("guangdong", "SENIOR_TECHNICAL_SCHOOL");
    const before = await snapshot(s.id);
    expect(firstKey(await changeTierAction(null, tierForm(s.id, "TECHNICIAN_COLLEGE", { approvalDocNo: "" })), "approvalDocNo")).toBe(
      "governmentApprovalRequired",
    );
    expect(firstKey(await changeTierAction(null, tierForm(s.id, "TECHNICAL_SCHOOL", { approvalDocNo: "" })), "approvalDocNo")).toBe("bureauApprovalRequired");
    expect(await snapshot(s.id)).toEqual(before);
  });

  it("refuses future dates and closed schools", async () => {
    const s = await school("guangdong");
    expect(firstKey(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL", { effectiveDate: "2999-01-01" })), "effectiveDate")).toBe(
      "dateInFuture",
    );
    const closed = await school("guangdong", "TECHNICAL_SCHOOL", "REVOKED");
    expect(firstKey(await changeTierAction(null, tierForm(closed.id, "SENIOR_TECHNICAL_SCHOOL")), "toTier")).toBe("schoolNotOnRegister");
  });

  it("refuses another authority's school, experts and auditors; the ministry may act", async () => {
    const s = await school("guangdong");
    const before = await snapshot(s.id);
    signInAs(testUsers.zjOfficer);
    expect(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL"))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(testUsers.expert);
    expect(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(testUsers.auditor);
    expect(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot(s.id)).toEqual(before);
    signInAs(testUsers.ministry);
    expect(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL"))).toMatchObject({ ok: true });
  });

  it("refuses a stale version", async () => {
    const s = await school("guangdong");
    expect(await changeTierAction(null, tierForm(s.id, "SENIOR_TECHNICAL_SCHOOL"))).toMatchObject({ ok: true });
    const before = await snapshot(s.id);
    expect(await changeTierAction(null, tierForm(s.id, "TECHNICAL_SCHOOL"))).toMatchObject({ ok: false, code: "STALE_VERSION" });
    expect(await snapshot(s.id)).toEqual(before);
  });
});

describe("rename", () => {
  const renameForm = (id: string, newNameZh: string, extra: Record<string, string | number> = {}) =>
    formData({ schoolId: id, version: 1, newNameZh, documentNo: "粤人社函〔2024〕9号", effectiveDate: "2024-05-01", ...extra });

  it("renames: old name to former names, pinyin recomputed, dated change, audit, lineage", async () => {
    const s = await school("guangdong", "TECHNICIAN_COLLEGE", "OPERATING", "广州市旧名技师学院");
    const before = await snapshot(s.id);
    expect(await renameAction(null, renameForm(s.id, "广州市新名技师学院"))).toMatchObject({ ok: true, data: { version: 2 } });
    const row = await db().school.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({
      nameZh: "广州市新名技师学院",
      formerNames: ["广州市旧名技师学院"],
      namePinyin: "guangzhoushixinmingjishixueyuan",
      nameInitials: "gzsxmjsxy",
      publicCode: s.publicCode,
    });
    expect(await db().schoolChange.findFirst({ where: { schoolId: s.id } })).toMatchObject({
      kind: "RENAME",
      fromName: "广州市旧名技师学院",
      toName: "广州市新名技师学院",
    });
    expect(await db().auditEvent.findFirst({ where: { entityId: s.id } })).toMatchObject({
      action: "school.rename",
      before: { nameZh: "广州市旧名技师学院", formerNames: [], namePinyin: "old", nameInitials: "old" },
      after: { nameZh: "广州市新名技师学院", formerNames: ["广州市旧名技师学院"], nameInitials: "gzsxmjsxy" },
    });
    expect(await snapshot(s.id)).toMatchObject({ audit: before.audit + 1, changes: before.changes + 1 });
    const lineage = await loadLineage(s.id);
    expect(lineage?.formerNames).toEqual(["广州市旧名技师学院"]);
    expect(lineage?.renames).toMatchObject([{ fromName: "广州市旧名技师学院", toName: "广州市新名技师学院" }]);
  });

  it("refuses a name already used in the same authority (DUPLICATE), allows it in another", async () => {
    const taken = await school("guangdong", "TECHNICAL_SCHOOL", "OPERATING", "广东已占用名称技工学校");
    const s = await school("guangdong");
    const before = await snapshot(s.id);
    const r = await renameAction(null, renameForm(s.id, taken.nameZh));
    expect(r).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { newNameZh: [{ key: "nameTaken" }] } });
    expect(await snapshot(s.id)).toEqual(before);
    const z = await school("zhejiang");
    signInAs(testUsers.zjOfficer);
    expect(await renameAction(null, renameForm(z.id, taken.nameZh))).toMatchObject({ ok: true });
  });

  it("refuses the same name, a future date, another authority's school and non-writers", async () => {
    const s = await school("guangdong");
    const before = await snapshot(s.id);
    expect(firstKey(await renameAction(null, renameForm(s.id, s.nameZh)), "newNameZh")).toBe("nameUnchanged");
    expect(firstKey(await renameAction(null, renameForm(s.id, "广东未来技工学校", { effectiveDate: "2999-01-01" })), "effectiveDate")).toBe("dateInFuture");
    expect(firstKey(await renameAction(null, renameForm(s.id, "广东新名技工学校", { documentNo: "" })), "documentNo")).toBe("documentNoRequired");
    signInAs(testUsers.zjOfficer);
    expect(await renameAction(null, renameForm(s.id, "广东新名技工学校"))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(testUsers.expert);
    expect(await renameAction(null, renameForm(s.id, "广东新名技工学校"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot(s.id)).toEqual(before);
  });
});
