import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { declineErrorReportAction, fileErrorReportAction } from "@/lib/error-reports/actions";
import { loadErrorReportStatus, loadErrorReports } from "@/lib/error-reports/loaders";
import { loadInbox } from "@/lib/inbox/loaders";
import { ERROR_REPORT_LIMITS } from "@/lib/error-reports/mutations";
import { updateSchoolAction } from "@/lib/schools/actions";
import { isPublicCodeShape } from "@/lib/schools/public-code";
import { peerHeaders } from "../support/peer";
import { signInAs, testUsers } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { editForm } from "./schools-fixtures";
import { S, seedSelectionFixtures } from "./selection-fixtures";

/** Public error reports (issue 13 item 4, docs/decisions/0063) on PGlite and PostgreSQL. */
const ip = vi.hoisted(() => ({ current: "203.0.113.7", forwarded: "" }));
// Without a trusted proxy the X-Forwarded-For header is the client's to forge: it must never buy a fresh limit.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(peerHeaders(ip.current, { "x-forwarded-for": ip.forwarded || `198.51.100.${Math.floor(Math.random() * 250)}` })),
}));

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await seedSelectionFixtures(t.client);
});
afterAll(async () => t.close());

const PROBLEM = "地址写成了旧校区";
const PROPOSED = "广州市天河区新校区路1号";
const CONTACT = "reporter@example.org";
const report = (over: Record<string, unknown> = {}) => ({ schoolId: S.gd1, field: "address", problem: PROBLEM, proposed: PROPOSED, contact: CONTACT, ...over });
function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`refused: ${r.code} ${JSON.stringify(r.fieldErrors ?? r.detail ?? {})}`);
  return r.data;
}
const file = async (over: Record<string, unknown> = {}) => {
  signInAs(null);
  return fileErrorReportAction(report(over));
};
const byCode = (code: string) => t.client.errorReport.findUniqueOrThrow({ where: { code } });

describe("filing a report", () => {
  it("needs no sign-in, answers a short code and stores the address only as a hash", async () => {
    ip.current = "203.0.113.7";
    const { code } = ok(await file());
    expect(isPublicCodeShape(code)).toBe(true);
    const row = await byCode(code);
    expect(row).toMatchObject({ status: "OPEN", authorityId: "guangdong", field: "address", problem: PROBLEM, contact: CONTACT });
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain("203.0.113.7");
    // The audit trail names the school and the field, not what the reporter typed.
    const event = await t.client.auditEvent.findFirstOrThrow({
      where: { entityType: "ErrorReport", entityId: row.id },
      select: { before: true, after: true, reason: true, clientAddress: true },
    });
    expect(JSON.stringify(event)).not.toContain(PROBLEM);
    expect(JSON.stringify(event)).not.toContain(CONTACT);
  });

  it("refuses a field outside the reportable ones and text with invisible characters", async () => {
    ip.current = "203.0.113.8";
    const r = await file({ field: "contactPhone", problem: "bad\u202etext" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("VALIDATION");
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["field", "problem"]);
  });
});

describe("limits", () => {
  it("counts per client address in the database; a forged X-Forwarded-For never buys a fresh limit", async () => {
    ip.current = "203.0.113.20";
    for (let i = 0; i < ERROR_REPORT_LIMITS.address.max; i++) ok(await file({ schoolId: S.gd3 }));
    const again = await file({ schoolId: S.gd3 });
    expect(again.ok ? "ok" : again.code).toBe("RATE_LIMITED");
    ip.forwarded = "192.0.2.99";
    const forged = await file({ schoolId: S.gd3 });
    expect(forged.ok ? "ok" : forged.code).toBe("RATE_LIMITED");
    ip.forwarded = "";
    // Another socket address has a limit of its own.
    ip.current = "203.0.113.21";
    ok(await file({ schoolId: S.gd3 }));
  });

  it("counts an IPv6 client by its /64", async () => {
    for (let i = 0; i < ERROR_REPORT_LIMITS.address.max; i++) {
      ip.current = `2001:db8:7:8::${i + 1}`;
      ok(await file({ schoolId: S.gd3 }));
    }
    ip.current = "2001:db8:7:8::ffff";
    const r = await file({ schoolId: S.gd3 });
    expect(r.ok ? "ok" : r.code).toBe("RATE_LIMITED");
  });

  it("caps the reports on one school whatever the addresses", async () => {
    const { max } = ERROR_REPORT_LIMITS.school;
    await t.client.errorReport.createMany({
      data: Array.from({ length: max }, (_, i) => ({
        code: `CAP${String(i).padStart(5, "0")}`,
        schoolId: S.gd2,
        authorityId: "guangdong",
        field: "website",
        problem: "x",
        proposed: "y",
        ipHash: String(i).padStart(64, "0"),
      })),
    });
    ip.current = "203.0.113.30";
    const r = await file({ schoolId: S.gd2 });
    expect(r.ok ? "ok" : r.code).toBe("RATE_LIMITED");
  });
});

describe("triage", () => {
  it("shows a report only to its authority's officers and the ministry", async () => {
    ip.current = "203.0.113.40";
    const { code } = ok(await file());
    signInAs(testUsers.zjOfficer);
    expect((await loadErrorReports()).rows.map((r) => r.code)).not.toContain(code);
    const row = await byCode(code);
    const refused = await declineErrorReportAction({ reportId: row.id, reason: "不是我省" });
    expect(refused.ok ? "ok" : refused.code).toBe("NOT_FOUND");
    signInAs(testUsers.gdOfficer);
    expect((await loadErrorReports("OPEN")).rows.map((r) => r.code)).toContain(code);
    signInAs(testUsers.ministry);
    expect((await loadErrorReports()).rows.map((r) => r.code)).toContain(code);
  });

  it("puts open reports in the inbox of the school's authority and of the ministry", async () => {
    const open = await t.client.errorReport.count({ where: { authorityId: "guangdong", status: "OPEN" } });
    const item = async () => (await loadInbox()).items.find((i) => i.key === "errorReports");
    signInAs(testUsers.gdOfficer);
    expect((await item())?.count).toBe(open);
    signInAs(testUsers.ministry);
    expect((await item())?.count).toBe(open);
    signInAs(testUsers.zjOfficer);
    expect((await item())?.count).toBe(0);
  });

  it("declines only with a reason, once; the contact goes with the resolution", async () => {
    ip.current = "203.0.113.41";
    const { code } = ok(await file());
    const { id } = await byCode(code);
    signInAs(testUsers.gdOfficer);
    const blank = await declineErrorReportAction({ reportId: id, reason: "  " });
    expect(blank.ok ? [] : Object.keys(blank.fieldErrors ?? {})).toEqual(["reason"]);
    ok(await declineErrorReportAction({ reportId: id, reason: "经核实，记录无误" }));
    expect(await byCode(code)).toMatchObject({ status: "DECLINED", resolution: "经核实，记录无误", contact: null, resolvedById: testUsers.gdOfficer.id });
    const twice = await declineErrorReportAction({ reportId: id, reason: "再次" });
    expect(twice.ok ? "ok" : twice.code).toBe("INVALID_TRANSITION");
  });

  it("accepts by the edit that corrects the record, whose history names the report", async () => {
    ip.current = "203.0.113.42";
    const { code } = ok(await file());
    const { id } = await byCode(code);
    signInAs(testUsers.gdOfficer);
    const school = async () => (await t.client.school.findUniqueOrThrow({ where: { id: S.gd1 } })) as unknown as Record<string, unknown>;
    // Another school's edit cannot accept it, nor can an edit that changes nothing.
    const other = (await t.client.school.findUniqueOrThrow({ where: { id: S.gd2 } })) as unknown as Record<string, unknown>;
    const wrong = await updateSchoolAction(editForm(other, { errorReportId: id, address: PROPOSED }));
    expect(wrong.ok ? "ok" : wrong.code).toBe("NOT_FOUND");
    const unchanged = await updateSchoolAction(editForm(await school(), { errorReportId: id }));
    expect(unchanged.ok ? "ok" : unchanged.code).toBe("VALIDATION");
    signInAs(testUsers.zjOfficer);
    const foreign = await updateSchoolAction(editForm(await school(), { errorReportId: id, address: PROPOSED }));
    expect(foreign.ok).toBe(false);
    signInAs(testUsers.gdOfficer);
    ok(await updateSchoolAction(editForm(await school(), { errorReportId: id, address: PROPOSED })));
    expect(await byCode(code)).toMatchObject({ status: "ACCEPTED", contact: null });
    expect((await school()).address).toBe(PROPOSED);
    const edit = await t.client.auditEvent.findFirstOrThrow({
      where: { entityType: "School", entityId: S.gd1, action: "school.update" },
      orderBy: { at: "desc" },
      select: { after: true },
    });
    expect(edit.after).toMatchObject({ address: PROPOSED, errorReport: code });
  });
});

describe("the reporter's page", () => {
  it("shows the status and the outcome, nothing the reporter typed", async () => {
    ip.current = "203.0.113.50";
    const { code } = ok(await file());
    const { id } = await byCode(code);
    signInAs(testUsers.gdOfficer);
    ok(await declineErrorReportAction({ reportId: id, reason: "该地址为注册地址，以批准文件为准" }));
    signInAs(null);
    const page = await loadErrorReportStatus(code.toLowerCase());
    expect(page.report).toMatchObject({ code, status: "DECLINED", resolution: "该地址为注册地址，以批准文件为准" });
    const shown = JSON.stringify(page);
    for (const typed of [PROBLEM, PROPOSED, CONTACT]) expect(shown).not.toContain(typed);
    expect((await loadErrorReportStatus("NOT-A-CODE")).badCode).toBe(true);
    expect((await loadErrorReportStatus("22222222")).report).toBeNull();
  });
});
