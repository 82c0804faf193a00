import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccountAction } from "@/lib/accounts/actions";
import { setAccountEmailAction, setOwnEmailAction } from "@/lib/accounts/email/actions";
import type { SessionUser } from "@/lib/auth/roles";
import { makeUser, type MadeUser } from "../factories";
import { formData } from "../support/form";
import { peerHeaders } from "../support/peer";
import { signInAs } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("10.9.0.2")) }));

/**
 * An account's e-mail address (docs/decisions/0069): set by its holder, or by the system
 * administrator on a non-privileged account (a privileged one's is its holder's to set), stored
 * lower-case, audited with the old and new address; a wrong one is refused on the field.
 */
let t: TestDb;
let sysadmin: SessionUser;
let expert: MadeUser;
let secadmin: MadeUser;
const as = (u: MadeUser): SessionUser => ({ id: u.id, username: u.username, displayName: u.username, role: u.role, authorityId: u.authorityId });
const emailOf = async (id: string) => (await t.client.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
const audits = (entityId: string) => t.client.auditEvent.findMany({ where: { action: "account.email", entityId }, orderBy: { at: "asc" } });

beforeAll(async () => {
  t = await openTestDb();
  sysadmin = as(await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "sys", personId: "P-SYS" }));
  expert = await makeUser(t.client, "EXPERT", "guangdong", { username: "expert-mail" });
  secadmin = await makeUser(t.client, "SECURITY_ADMIN", null, { username: "sec", personId: "P-SEC" });
});
afterAll(() => t.close());
afterEach(() => signInAs(null));

describe("own address", () => {
  it("is stored lower-case and audited with the old and new address; blank removes it", async () => {
    signInAs(as(expert));
    expect(await setOwnEmailAction(formData({ email: " Expert.One@Example.COM " }))).toMatchObject({ ok: true, data: { email: "expert.one@example.com" } });
    expect(await emailOf(expert.id)).toBe("expert.one@example.com");
    expect(await setOwnEmailAction(formData({ email: "" }))).toMatchObject({ ok: true, data: { email: null } });
    expect(await emailOf(expert.id)).toBeNull();
    const events = await audits(expert.id);
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ email: null }, { email: "expert.one@example.com" }],
      [{ email: "expert.one@example.com" }, { email: null }],
    ]);
    expect(events[0].actorId).toBe(expert.id);
  });

  it("refuses a wrong address on the field, writing nothing", async () => {
    signInAs(as(expert));
    const out = await setOwnEmailAction(formData({ email: "expert@" }));
    expect(out).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: [{ key: "emailFormat" }] } });
    expect(await emailOf(expert.id)).toBeNull();
  });

  it("a privileged account's holder sets their own", async () => {
    signInAs(as(secadmin));
    expect(await setOwnEmailAction(formData({ email: "sec@example.com" }))).toMatchObject({ ok: true });
    expect(await emailOf(secadmin.id)).toBe("sec@example.com");
  });
});

describe("the system administrator", () => {
  it("sets a non-privileged account's address, audited", async () => {
    signInAs(sysadmin);
    expect(await setAccountEmailAction(formData({ id: expert.id, email: "EXPERT@example.org" }))).toMatchObject({ ok: true });
    expect(await emailOf(expert.id)).toBe("expert@example.org");
    expect((await audits(expert.id)).at(-1)).toMatchObject({ actorId: sysadmin.id, after: { email: "expert@example.org" } });
  });

  it("cannot set a privileged account's address directly (dual control), nor their own here", async () => {
    signInAs(sysadmin);
    expect(await setAccountEmailAction(formData({ id: secadmin.id, email: "x@example.com" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await emailOf(secadmin.id)).toBe("sec@example.com");
    expect(await setAccountEmailAction(formData({ id: sysadmin.id, email: "x@example.com" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("may give an address when creating an account, stored lower-case and in the creation's audit event", async () => {
    signInAs(sysadmin);
    const form = formData({ username: "staff-mail", displayName: "邮件测试", role: "MINISTRY_STAFF", email: "Staff@Example.com" });
    const out = await createAccountAction(null, form);
    if (!out.ok) throw new Error(out.code);
    expect(await emailOf(out.data.id)).toBe("staff@example.com");
    const created = await t.client.auditEvent.findFirstOrThrow({ where: { action: "account.create", entityId: out.data.id } });
    expect(created.after).toMatchObject({ email: "staff@example.com" });
    const refused = await createAccountAction(null, formData({ username: "staff-bad", displayName: "错", role: "MINISTRY_STAFF", email: "a b@c" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { email: [{ key: "emailFormat" }] } });
  });
});
