import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SchoolStatus, SchoolTier } from "@/lib/kernel/enums";
import { changeStatusAction } from "@/lib/school-changes/actions";
import { loadLineage, loadRenamePage, loadStatusPage, loadTierPage } from "@/lib/school-changes/loaders";
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

const school = (authorityId: string, status: SchoolStatus = "OPERATING", tier: SchoolTier = "TECHNICAL_SCHOOL") =>
  makeSchool(t.client, { authorityId, status, tier, statusSince: new Date("2015-01-01T00:00:00Z") });

const suspend = (id: string, extra: Record<string, string | number | boolean> = {}) =>
  formData({
    schoolId: id,
    version: 1,
    toStatus: "ENROLMENT_SUSPENDED",
    reasonCode: "CONDITIONS_INSUFFICIENT",
    documentNo: "粤人社函〔2024〕12号",
    effectiveDate: "2024-03-01",
    ...extra,
  });

async function counts(schoolId: string) {
  const [audit, changes, s] = await Promise.all([
    db().auditEvent.count(),
    db().schoolChange.count(),
    db().school.findUniqueOrThrow({ where: { id: schoolId }, select: { status: true, version: true, successorId: true } }),
  ]);
  return { audit, changes, ...s };
}

beforeEach(() => signInAs(testUsers.gdOfficer));

describe("status change", () => {
  it("suspends and resumes enrolment, each with a SchoolChange and an audit event in the same transaction", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    const r1 = await changeStatusAction(null, suspend(s.id, { note: "办学条件检查未达标" }));
    expect(r1).toMatchObject({ ok: true, data: { schoolId: s.id, version: 2 } });
    const row = await db().school.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ status: "ENROLMENT_SUSPENDED", version: 2 });
    expect(row.statusSince?.toISOString().slice(0, 10)).toBe("2024-03-01");
    const change = await db().schoolChange.findFirstOrThrow({ where: { schoolId: s.id } });
    expect(change).toMatchObject({
      kind: "STATUS_CHANGE",
      fromStatus: "OPERATING",
      toStatus: "ENROLMENT_SUSPENDED",
      reasonCode: "CONDITIONS_INSUFFICIENT",
      documentNo: "粤人社函〔2024〕12号",
      note: "办学条件检查未达标",
      createdById: testUsers.gdOfficer.id,
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: s.id } });
    expect(audit).toMatchObject({
      action: "school.status",
      entityType: "School",
      authorityId: "guangdong",
      actorId: testUsers.gdOfficer.id,
      before: { status: "OPERATING", statusSince: "2015-01-01" },
      after: { status: "ENROLMENT_SUSPENDED", statusSince: "2024-03-01" },
    });
    expect(audit.reason).toContain("粤人社函〔2024〕12号");
    expect((await counts(s.id)).audit).toBe(before.audit + 1);

    const r2 = await changeStatusAction(
      null,
      formData({
        schoolId: s.id,
        version: 2,
        toStatus: "OPERATING",
        reasonCode: "CONDITIONS_IMPROVED",
        documentNo: "粤人社函〔2024〕30号",
        effectiveDate: "2024-09-01",
      }),
    );
    expect(r2).toMatchObject({ ok: true, data: { version: 3 } });
    const after = await counts(s.id);
    expect(after).toMatchObject({ status: "OPERATING", version: 3, audit: before.audit + 2, changes: before.changes + 2 });
  });

  it("refuses another authority's school as NOT_FOUND and writes nothing", async () => {
    const s = await school("guangdong");
    signInAs(testUsers.zjOfficer);
    const before = await counts(s.id);
    expect(await changeStatusAction(null, suspend(s.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await counts(s.id)).toEqual(before);
  });

  it("refuses experts, auditors and anonymous users and writes nothing", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    for (const [user, code] of [
      [testUsers.expert, "FORBIDDEN"],
      [testUsers.auditor, "FORBIDDEN"],
      [null, "UNAUTHENTICATED"],
    ] as const) {
      signInAs(user);
      expect(await changeStatusAction(null, suspend(s.id))).toMatchObject({ ok: false, code });
    }
    expect(await counts(s.id)).toEqual(before);
  });

  it("lets the ministry act on any authority's school", async () => {
    const s = await school("zhejiang");
    signInAs(testUsers.ministry);
    expect(await changeStatusAction(null, suspend(s.id))).toMatchObject({ ok: true });
    signInAs(testUsers.admin);
    expect(
      await changeStatusAction(
        null,
        formData({
          schoolId: s.id,
          version: 2,
          toStatus: "OPERATING",
          reasonCode: "AUTHORITY_DECISION",
          documentNo: "浙人社〔2024〕1号",
          effectiveDate: "2024-05-01",
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it("refuses a transition that is not in the table, naming from and to", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    const r = await changeStatusAction(null, suspend(s.id, { toStatus: "REVOKED", reasonCode: "AUTHORITY_DECISION", confirmIrreversible: true }));
    expect(r).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { from: "OPERATING", to: "REVOKED", terminal: false } });
    expect(await counts(s.id)).toEqual(before);
  });

  it("refuses to leave a terminal state", async () => {
    const s = await school("guangdong", "TERMINATED");
    const before = await counts(s.id);
    const r = await changeStatusAction(null, suspend(s.id, { toStatus: "OPERATING", reasonCode: "AUTHORITY_DECISION" }));
    expect(r).toMatchObject({ ok: false, code: "INVALID_TRANSITION", detail: { from: "TERMINATED", to: "OPERATING", terminal: true } });
    expect(await counts(s.id)).toEqual(before);
  });

  it("refuses a wrong reason, a future date, a date before statusSince and a missing document number", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    const cases: [Record<string, string>, string, string][] = [
      [{ reasonCode: "RECTIFICATION_COMPLETED" }, "reasonCode", "reasonNotAllowed"],
      [{ effectiveDate: "2999-01-01" }, "effectiveDate", "dateInFuture"],
      [{ effectiveDate: "2014-12-31" }, "effectiveDate", "dateBeforeStatusSince"],
      [{ documentNo: " " }, "documentNo", "documentNoRequired"],
    ];
    for (const [extra, field, key] of cases) {
      const r = await changeStatusAction(null, suspend(s.id, extra));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.[field]?.[0]?.key).toBe(key);
    }
    expect(await counts(s.id)).toEqual(before);
  });

  it("refuses a stale version with who changed the record last", async () => {
    const s = await school("guangdong");
    expect(await changeStatusAction(null, suspend(s.id))).toMatchObject({ ok: true });
    const before = await counts(s.id);
    const r = await changeStatusAction(null, suspend(s.id, { toStatus: "RECTIFYING", reasonCode: "VIOLATION" }));
    expect(r).toMatchObject({ ok: false, code: "STALE_VERSION", detail: { version: 2, changedBy: testUsers.gdOfficer.displayName } });
    expect(await counts(s.id)).toEqual(before);
  });

  it("lets exactly one of two concurrent changes from the same version win", async () => {
    const s = await school("guangdong");
    const before = await counts(s.id);
    const results = await Promise.all([
      changeStatusAction(null, suspend(s.id)),
      changeStatusAction(null, suspend(s.id, { toStatus: "RECTIFYING", reasonCode: "VIOLATION" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["STALE_VERSION"]);
    expect(await counts(s.id)).toMatchObject({ version: 2, audit: before.audit + 1, changes: before.changes + 1 });
  });

  it("asks for confirmation before a terminal state, then closes the school", async () => {
    const s = await school("guangdong");
    const terminate = { toStatus: "TERMINATED", reasonCode: "SELF_APPLIED_TERMINATION" };
    const before = await counts(s.id);
    const r1 = await changeStatusAction(null, suspend(s.id, terminate));
    expect(r1.ok === false && r1.fieldErrors?.confirmIrreversible?.[0]?.key).toBe("confirmIrreversible");
    expect(await counts(s.id)).toEqual(before);
    expect(await changeStatusAction(null, suspend(s.id, { ...terminate, confirmIrreversible: true }))).toMatchObject({ ok: true });
    expect(await db().schoolChange.findFirst({ where: { schoolId: s.id } })).toMatchObject({ kind: "CLOSURE", toStatus: "TERMINATED" });
  });

  it("records a conversion with what the school became", async () => {
    const s = await school("guangdong", "RECTIFYING");
    const base = { toStatus: "CONVERTED", reasonCode: "UPGRADED_TO_HIGHER_VOCATIONAL", confirmIrreversible: true };
    const r1 = await changeStatusAction(null, suspend(s.id, base));
    expect(r1.ok === false && r1.fieldErrors?.conversionNote?.[0]?.key).toBe("conversionNoteRequired");
    expect(await changeStatusAction(null, suspend(s.id, { ...base, conversionNote: "广东某某职业技术学院" }))).toMatchObject({ ok: true });
    expect(await db().schoolChange.findFirst({ where: { schoolId: s.id } })).toMatchObject({
      kind: "CONVERSION",
      fromName: s.nameZh,
      toName: "广东某某职业技术学院",
    });
  });
});

describe("merge", () => {
  const merge = (id: string, successorId: string, confirm = true) =>
    suspend(id, { toStatus: "MERGED", reasonCode: "MERGER_REORGANISATION", successorId, confirmIrreversible: confirm });

  it("needs a successor of the same authority that is still on the register", async () => {
    const s = await school("guangdong");
    const other = await school("zhejiang");
    const closed = await school("guangdong", "REVOKED");
    const before = await counts(s.id);
    for (const successorId of [other.id, closed.id, s.id]) {
      const r = await changeStatusAction(null, merge(s.id, successorId));
      expect(r.ok === false && r.fieldErrors?.successorId?.[0]?.key).toBe("successorInvalid");
    }
    const r = await changeStatusAction(null, merge(s.id, ""));
    expect(r.ok === false && r.fieldErrors?.successorId?.[0]?.key).toBe("successorRequired");
    expect(await counts(s.id)).toEqual(before);
  });

  it("merges into a successor and keeps the lineage on both schools", async () => {
    const s = await school("guangdong");
    const successor = await school("guangdong", "OPERATING", "TECHNICIAN_COLLEGE");
    const before = await counts(s.id);
    expect(await changeStatusAction(null, merge(s.id, successor.id))).toMatchObject({ ok: true });
    const after = await counts(s.id);
    expect(after).toMatchObject({ status: "MERGED", successorId: successor.id, audit: before.audit + 1, changes: before.changes + 2 });
    expect(await db().auditEvent.findFirst({ where: { entityId: s.id } })).toMatchObject({
      action: "school.merge",
      before: { status: "OPERATING", statusSince: "2015-01-01", successorId: null },
      after: { status: "MERGED", statusSince: "2024-03-01", successorId: successor.id },
    });
    const down = await loadLineage(s.id);
    expect(down?.successor).toMatchObject({ id: successor.id, nameZh: successor.nameZh });
    expect(down?.successor?.mergedOn?.toISOString().slice(0, 10)).toBe("2024-03-01");
    const up = await loadLineage(successor.id);
    expect(up?.predecessors.map((p) => p.id)).toEqual([s.id]);
    expect(await db().schoolChange.findFirst({ where: { schoolId: successor.id } })).toMatchObject({
      kind: "MERGE",
      relatedSchoolId: s.id,
      fromStatus: null,
    });
    // Merged is terminal: nothing more can happen to it.
    const again = await changeStatusAction(null, suspend(s.id, { version: 2, toStatus: "OPERATING", reasonCode: "AUTHORITY_DECISION" }));
    expect(again).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});

describe("change page loaders", () => {
  it("offer only the allowed targets, and refuse other authorities, experts and auditors", async () => {
    const s = await school("guangdong");
    const peer = await school("guangdong");
    await school("zhejiang");
    const page = await loadStatusPage(s.id);
    expect(page.options.map((o) => o.to)).toEqual(["ENROLMENT_SUSPENDED", "RECTIFYING", "MERGED", "CONVERTED", "TERMINATED"]);
    expect(page.options.find((o) => o.to === "TERMINATED")?.terminal).toBe(true);
    // Merge candidates: same authority, on the register, not the school itself.
    expect(page.candidates.map((c) => c.id)).toContain(peer.id);
    expect(page.candidates.map((c) => c.id)).not.toContain(s.id);
    const other = await db().school.findMany({ where: { authorityId: "zhejiang" }, select: { id: true } });
    for (const o of other) expect(page.candidates.map((c) => c.id)).not.toContain(o.id);
    expect((await loadStatusPage(s.id, "MERGED")).options.map((o) => o.to)).toEqual(["MERGED"]);
    expect((await loadTierPage(s.id)).targets).toEqual([
      { tier: "SENIOR_TECHNICAL_SCHOOL", needsOverride: false, approvalBody: "PROVINCIAL_HR_BUREAU" },
      { tier: "TECHNICIAN_COLLEGE", needsOverride: true, approvalBody: "PROVINCIAL_GOVERNMENT" },
    ]);
    signInAs(testUsers.zjOfficer);
    for (const load of [loadStatusPage, loadTierPage, loadRenamePage]) await expect(load(s.id)).rejects.toThrow("NEXT_NOT_FOUND");
    for (const user of [testUsers.expert, testUsers.auditor]) {
      signInAs(user);
      await expect(loadStatusPage(s.id)).rejects.toThrow("NEXT_FORBIDDEN");
    }
    signInAs(null);
    await expect(loadStatusPage(s.id)).rejects.toThrow("NEXT_REDIRECT:/sign-in");
    signInAs(testUsers.admin);
    expect((await loadStatusPage(s.id)).school.id).toBe(s.id);
  });

  it("offers nothing from a terminal state", async () => {
    const s = await school("guangdong", "REVOKED");
    expect(await loadStatusPage(s.id)).toMatchObject({ terminal: true, options: [] });
  });
});
