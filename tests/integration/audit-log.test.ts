import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/data";
import { exportAuditCsv } from "@/lib/audit/export";
import { loadAuditLog } from "@/lib/audit/loaders";
import { parseAuditFilter } from "@/lib/audit/schema";
import { roles, type SessionUser } from "@/lib/auth/roles";
import { clock } from "@/lib/kernel/dates";
import { makeAuthority, makeUser, type MadeUser } from "../factories";
import { signInAs } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";

/**
 * The audit log: read by the audit administrator and auditors only, filtered by actor, action,
 * entity, authority and Shanghai calendar days, exported as safe CSV — and append-only in the
 * database itself (a trigger refuses UPDATE, DELETE and TRUNCATE) on PGlite and PostgreSQL.
 */
let t: TestDb;
let auditadmin: SessionUser;
let officer: MadeUser;
const as = (u: MadeUser): SessionUser => ({ id: u.id, username: u.username, displayName: u.username, role: u.role, authorityId: u.authorityId });
const filter = (raw: Record<string, string>) => parseAuditFilter(raw).filter;
const ids = async (raw: Record<string, string>) => (await listAuditEvents(filter(raw), 100)).rows.map((r) => r.id);

beforeAll(async () => {
  t = await openTestDb();
  await makeAuthority(t.client, "zhejiang");
  auditadmin = as(await makeUser(t.client, "AUDIT_ADMIN", null, { username: "aud", personId: "P-AUD" }));
  officer = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "gd-officer-a", displayName: "广东经办人甲" });
  const ev = (id: string, at: string, o: Record<string, unknown>) => ({
    id,
    at: new Date(at),
    actorLabel: "system",
    action: "x",
    entityType: "School",
    entityId: "s1",
    ...o,
  });
  await t.client.auditEvent.createMany({
    data: [
      ev("e1", "2026-03-01T15:59:59Z", { actorId: officer.id, actorLabel: "广东经办人甲", action: "school.update", entityId: "s-1", authorityId: "guangdong" }), // 03-01 23:59:59 Shanghai
      ev("e2", "2026-03-01T16:00:00Z", { actorId: officer.id, actorLabel: "广东经办人甲", action: "school.create", entityId: "s-2", authorityId: "guangdong" }), // 03-02 00:00 Shanghai
      ev("e3", "2026-03-02T08:00:00Z", {
        actorId: null,
        actorLabel: '=HYPERLINK("http://evil","x")',
        action: "auth.sign_in_failed",
        entityType: "User",
        entityId: "-",
        after: { reason: "unknown_user", username: "@SUM(1+1)" },
      }),
      ev("e4", "2026-03-03T02:00:00Z", {
        actorId: "u-zj",
        actorLabel: "浙江经办人",
        action: "school.update",
        entityId: "s-3",
        authorityId: "zhejiang",
        before: { address: "旧" },
        after: { address: '新,"引号"' },
      }),
      ev("e5", "2026-03-03T03:00:00Z", {
        actorId: officer.id,
        actorLabel: "广东经办人甲",
        action: "auth.lockout",
        entityType: "User",
        entityId: officer.id,
        authorityId: "guangdong",
      }),
    ],
  });
});
afterAll(() => t.close());
afterEach(() => signInAs(null));

describe("who reads the audit log", () => {
  it.each(roles.filter((r) => r !== "AUDIT_ADMIN" && r !== "AUDITOR"))("%s gets 403 on the page and the export", async (role) => {
    const u = await makeUser(t.client, role, role === "PROVINCE_OFFICER" || role === "EXPERT" ? "guangdong" : null);
    signInAs(as(u));
    await expect(loadAuditLog({})).rejects.toThrow("NEXT_FORBIDDEN");
    const res = await exportAuditCsv(new Request("http://localhost/console/audit/export"), (f) => f);
    expect(res.status).toBe(403);
  });

  it("anonymous visitors are sent to sign in, and the export answers 401", async () => {
    await expect(loadAuditLog({})).rejects.toThrow("NEXT_REDIRECT:/sign-in");
    expect((await exportAuditCsv(new Request("http://localhost/console/audit/export"), (f) => f)).status).toBe(401);
  });

  it("the audit administrator and the auditor read it, newest first", async () => {
    for (const role of ["AUDIT_ADMIN", "AUDITOR"] as const) {
      signInAs(role === "AUDIT_ADMIN" ? auditadmin : as(await makeUser(t.client, "AUDITOR", null)));
      const data = await loadAuditLog({ from: "2026-03-01", to: "2026-03-03" });
      expect(data.rows.map((r) => r.id)).toEqual(["e5", "e4", "e3", "e2", "e1"]);
      expect(data.entityTypes).toEqual(expect.arrayContaining(["School", "User"]));
    }
  });
});

describe("filters", () => {
  const window = { from: "2026-03-01", to: "2026-03-03" };
  it("by actor: username or label", async () => {
    expect(await ids({ ...window, actor: "gd-officer-a" })).toEqual(["e5", "e2", "e1"]);
    expect(await ids({ ...window, actor: "浙江" })).toEqual(["e4"]);
  });

  it("by action: exact, or a prefix ending in a dot", async () => {
    expect(await ids({ ...window, action: "school.update" })).toEqual(["e4", "e1"]);
    expect(await ids({ ...window, action: "auth." })).toEqual(["e5", "e3"]);
    expect(await ids({ ...window, action: "auth" })).toEqual([]);
  });

  it("by entity type and id, and by authority", async () => {
    expect(await ids({ ...window, entityType: "User" })).toEqual(["e5", "e3"]);
    expect(await ids({ ...window, entityType: "School", entityId: "s-3" })).toEqual(["e4"]);
    expect(await ids({ ...window, authorityId: "guangdong" })).toEqual(["e5", "e2", "e1"]);
  });

  it("by Shanghai calendar days, both ends inclusive", async () => {
    expect(await ids({ from: "2026-03-02", to: "2026-03-02" })).toEqual(["e3", "e2"]);
    expect(await ids({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["e1"]);
    expect(await ids({ from: "2026-03-03" })).toEqual(expect.arrayContaining(["e5", "e4"]));
  });

  it("pages through the results", async () => {
    const p1 = await listAuditEvents(filter({ ...window, page: "1" }), 2);
    const p3 = await listAuditEvents(filter({ ...window, page: "3" }), 2);
    expect(p1.total).toBe(5);
    expect(p1.rows.map((r) => r.id)).toEqual(["e5", "e4"]);
    expect(p3.rows.map((r) => r.id)).toEqual(["e1"]);
  });

  it("drops malformed filters and names them", () => {
    const { filter: f, invalid } = parseAuditFilter({ from: "2026-13-45", to: "yesterday", actor: "a".repeat(100), action: "auth.", page: "-1" });
    expect(invalid.sort()).toEqual(["actor", "from", "page", "to"]);
    expect(f).toEqual({ action: "auth.", page: 1 });
  });
});

describe("CSV export", () => {
  it("is UTF-8 with a BOM, filtered like the page, formula-safe, and itself audited", async () => {
    signInAs(auditadmin);
    const res = await exportAuditCsv(new Request("http://localhost/console/audit/export?from=2026-03-02&to=2026-03-03"), (f) => `H:${f}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("H:at,H:actorLabel,H:actorId,H:action,H:entityType,H:entityId,H:authorityId,H:source,H:reason,H:before,H:after");
    expect(lines).toHaveLength(1 + 4);
    // Newest first; times in Shanghai.
    expect(lines[1].startsWith("2026-03-03T11:00:00.000+08:00,广东经办人甲,")).toBe(true);
    // A cell that a spreadsheet would run is prefixed with an apostrophe (and quoted, for its quotes).
    const attack = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(attack).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(attack).not.toMatch(/,=HYPERLINK/);
    // JSON cells keep commas and quotes inside one quoted cell.
    expect(lines.find((l) => l.includes("s-3"))).toContain(`"{""address"":""新,\\""引号\\""""}"`);
    const [exported] = await t.client.auditEvent.findMany({ where: { action: "audit.export" } });
    expect(exported).toMatchObject({ actorId: auditadmin.id, actorLabel: auditadmin.displayName, entityType: "AuditLog" });
    expect(exported.after).toMatchObject({ filter: { from: "2026-03-02", to: "2026-03-03" } });
  });

  it("names the file by the registry's calendar day (Asia/Shanghai), not the server's or UTC's", async () => {
    signInAs(auditadmin);
    const realNow = clock.now;
    // 17:30 UTC on 2 March is already 01:30 on 3 March in Shanghai.
    clock.now = () => new Date("2026-03-02T17:30:00Z");
    try {
      const res = await exportAuditCsv(new Request("http://localhost/console/audit/export?from=2026-03-02&to=2026-03-03"), (f) => f);
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="audit-20260303.csv"');
      await res.arrayBuffer();
    } finally {
      clock.now = realNow;
    }
  });
});

describe("append-only in the database", () => {
  const refused = async (sql: string) => {
    try {
      await t.client.$executeRawUnsafe(sql);
      return "allowed";
    } catch (e) {
      return /append-only/.test(String((e as Error).message) + JSON.stringify(e)) ? "refused" : `other: ${(e as Error).message}`;
    }
  };

  it(`refuses UPDATE, DELETE and TRUNCATE of "AuditEvent" by raw SQL (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, async () => {
    const before = await t.client.auditEvent.count();
    expect(await refused(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = 'e1'`)).toBe("refused");
    expect(await refused(`DELETE FROM "AuditEvent" WHERE "id" = 'e1'`)).toBe("refused");
    expect(await refused(`DELETE FROM "AuditEvent"`)).toBe("refused");
    expect(await refused(`TRUNCATE "AuditEvent"`)).toBe("refused");
    expect(await t.client.auditEvent.count()).toBe(before);
    expect((await t.client.auditEvent.findUniqueOrThrow({ where: { id: "e1" } })).action).toBe("school.update");
  });

  it("refuses it through Prisma too, and still accepts new events", async () => {
    await expect(t.client.auditEvent.update({ where: { id: "e2" }, data: { action: "x" } })).rejects.toThrow();
    await expect(t.client.auditEvent.deleteMany({})).rejects.toThrow();
    await t.client.auditEvent.create({ data: { actorLabel: "t", action: "test.insert", entityType: "T", entityId: "1" } });
    expect(await t.client.auditEvent.count({ where: { action: "test.insert" } })).toBe(1);
  });

  it("the trigger is installed on the table (what a DBA would check)", async () => {
    const rows = await t.client.$queryRawUnsafe<{ tgname: string }[]>(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(rows.map((r) => r.tgname)).toEqual(expect.arrayContaining(["AuditEvent_no_truncate", "AuditEvent_no_update_delete"]));
  });
});
