import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  changeOwnPasswordAction,
  createAccountAction,
  endAccountSessionsAction,
  resetAccountPasswordAction,
  setAccountDisabledAction,
  updateSecurityPolicyAction,
} from "@/lib/accounts/actions";
import { requestAccountCreationAction } from "@/lib/accounts/requests/actions";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { roles, type SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";
import { personDutyConflict } from "@/lib/accounts/mutations";
import { DEFAULT_POLICY } from "@/lib/accounts/policy";
import { Refusal } from "@/lib/errors";
import { makeAuthority, makeSchool, makeUser, type MadeSchool, type MadeUser } from "../factories";
import { signInAs } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";

// Actions read the client address from the request headers.
// The client also wrote its own X-Forwarded-For: without TRUST_PROXY it is not believed (issue 11, finding 2).
vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("10.9.0.1", { "x-forwarded-for": "10.9.9.10" })) }));

/**
 * Account management (SYSTEM_ADMIN only), 三员分立 across a person's accounts, forced resets,
 * own password changes and the security policy (SECURITY_ADMIN only), through the server actions.
 */
let t: TestDb;
let sysadmin: SessionUser;
let secadmin: SessionUser;
let school: MadeSchool;

const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
const as = (u: MadeUser, extra: Partial<SessionUser> = {}): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.username,
  role: u.role,
  authorityId: u.authorityId,
  ...extra,
});
const audits = (action: string, entityId?: string) =>
  t.client.auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { at: "asc" } });

beforeAll(async () => {
  t = await openTestDb();
  sysadmin = as(await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "sys", personId: "P-SYS" }));
  secadmin = as(await makeUser(t.client, "SECURITY_ADMIN", null, { username: "sec", personId: "P-SEC" }));
  school = await makeSchool(t.client, { authorityId: "guangdong" });
  await makeAuthority(t.client, "zhejiang");
});
afterAll(() => t.close());
afterEach(() => signInAs(null));

/** A real sign-in from a socket address: the session, or `{ ok: false }` with the refusal's code. */
async function signIn(raw: { username: string; password: string }, address: string) {
  try {
    return { ok: true as const, ...(await attemptSignIn(raw, new Headers(peerHeaders(address)))) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false as const, code: e.code };
    throw e;
  }
}

describe("only the system administrator manages accounts", () => {
  const others = roles.filter((r) => r !== "SYSTEM_ADMIN");
  it.each(others)("%s is refused every account action", async (role: Role) => {
    const u = await makeUser(t.client, role, role === "PROVINCE_OFFICER" || role === "EXPERT" ? "guangdong" : null);
    signInAs(as(u));
    const target = { id: u.id };
    const results = await Promise.all([
      createAccountAction(null, fd({ username: `x-${role.toLowerCase()}`, displayName: "X", role: "MINISTRY_STAFF" })),
      setAccountDisabledAction(fd({ ...target, disabled: "true" })),
      resetAccountPasswordAction(fd(target)),
      endAccountSessionsAction(fd(target)),
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    expect(await t.client.user.count({ where: { username: `x-${role.toLowerCase()}` } })).toBe(0);
  });

  it("anonymous callers are refused", async () => {
    const r = await createAccountAction(null, fd({ username: "anon", displayName: "X", role: "MINISTRY_STAFF" }));
    expect(r).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("creating accounts", () => {
  it("creates a province officer bound to an authority, with a one-time password that must be changed", async () => {
    signInAs(sysadmin);
    const r = await createAccountAction(
      null,
      fd({ username: "GD-New", displayName: "广东新经办人", role: "PROVINCE_OFFICER", authorityId: "guangdong", personId: "" }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.username).toBe("gd-new");
    const row = await t.client.user.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(row).toMatchObject({ role: "PROVINCE_OFFICER", authorityId: "guangdong", mustChangePassword: true, createdById: sysadmin.id, disabled: false });
    expect(await verifyPassword(r.data.temporaryPassword, row.passwordHash)).toBe(true);
    const signedIn = await signIn({ username: "gd-new", password: r.data.temporaryPassword }, "10.1.1.1");
    expect(signedIn.ok && signedIn.user.mustChangePassword).toBe(true);
    const [ev] = await audits("account.create", r.data.id);
    expect(ev).toMatchObject({ actorId: sysadmin.id, authorityId: "guangdong" });
    expect(JSON.stringify(ev.after)).not.toContain(r.data.temporaryPassword);
  });

  it("requires the authority for officers and experts, and drops it for other roles", async () => {
    signInAs(sysadmin);
    const r = await createAccountAction(null, fd({ username: "no-auth", displayName: "X", role: "PROVINCE_OFFICER" }));
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { authorityId: [{ key: "authorityRequired" }] } });
    const staff = await createAccountAction(null, fd({ username: "staff-1", displayName: "X", role: "MINISTRY_STAFF", authorityId: "guangdong" }));
    expect(staff.ok && (await t.client.user.findUnique({ where: { id: staff.data.id } }))?.authorityId).toBeNull();
  });

  it("creates an expert with a home authority and declared affiliations (ExpertAffiliation)", async () => {
    signInAs(sysadmin);
    const r = await createAccountAction(
      null,
      fd({ username: "expert-new", displayName: "新专家", role: "EXPERT", authorityId: "zhejiang", affiliations: ` ${school.publicCode.toLowerCase()} ,` }),
    );
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const aff = await t.client.expertAffiliation.findMany({ where: { expertId: r.data.id }, select: { schoolId: true } });
    expect(aff).toEqual([{ schoolId: school.id }]);
    const unknown = await createAccountAction(
      null,
      fd({ username: "expert-bad", displayName: "X", role: "EXPERT", authorityId: "zhejiang", affiliations: "NOPE1234" }),
    );
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { affiliations: [{ key: "schoolCodeUnknown", params: { codes: "NOPE1234" } }] } });
    expect(await t.client.user.count({ where: { username: "expert-bad" } })).toBe(0);
  });

  it("refuses a taken username", async () => {
    signInAs(sysadmin);
    const r = await createAccountAction(null, fd({ username: "sec", displayName: "X", role: "MINISTRY_STAFF" }));
    expect(r).toMatchObject({ ok: false, code: "DUPLICATE", fieldErrors: { username: [{ key: "usernameTaken" }] } });
  });
});

describe("三员分立: one person, one of system / security / audit", () => {
  // Privileged accounts are asked for (and approved by another person): account-requests.test.ts.
  const ask = (o: Record<string, string>) => requestAccountCreationAction(null, fd({ displayName: "X", reason: "新任管理员", ...o }));

  it("refuses to give the person behind a system administrator a security or audit account", async () => {
    await makeUser(t.client, "SYSTEM_ADMIN", null, { username: "sys-b", personId: "P-SYS-B" });
    signInAs(sysadmin);
    for (const role of ["SECURITY_ADMIN", "AUDIT_ADMIN", "AUDITOR"] as const) {
      // Same person, written differently (case, spaces, hyphens, full width): still the same person.
      for (const personId of [" p-sys-b ", "psysb", "ＰＳＹＳ－Ｂ"]) {
        const r = await ask({ username: `p-sys-${role.toLowerCase()}`, role, personId });
        expect(r, `${role} ${personId}`).toMatchObject({
          ok: false,
          code: "VALIDATION",
          fieldErrors: { personId: [{ key: "dutyConflict", params: { role: "SYSTEM_ADMIN" } }] },
        });
      }
    }
    // A business role, or a second account with the same duty, is fine.
    expect((await createAccountAction(null, fd({ username: "p-sys-staff", displayName: "X", role: "MINISTRY_STAFF", personId: "P-SYS-B" }))).ok).toBe(true);
    expect((await ask({ username: "p-sys-2", role: "SYSTEM_ADMIN", personId: "P-SYS-B" })).ok).toBe(true);
  });

  // Two open transactions at once need a real server (PGlite has one connection).
  it.runIf(!!process.env.TEST_DATABASE_URL)("holds when two creations for one person overlap (PostgreSQL)", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const first = t.client.$transaction(async (tx) => {
      expect(await personDutyConflict(tx, "P-LOCK", "SYSTEM_ADMIN")).toBeNull();
      await tx.user.create({ data: { username: "lock-sys", passwordHash: "x", displayName: "X", role: "SYSTEM_ADMIN", personId: "P-LOCK" } });
      await held; // not committed yet
    });
    await sleep(300);
    // The second check waits for the first transaction instead of reading around it.
    const second = t.client.$transaction((tx) => personDutyConflict(tx, "P-LOCK", "SECURITY_ADMIN"));
    await sleep(300);
    release();
    await first;
    expect(await second).toMatchObject({ heldRole: "SYSTEM_ADMIN" });
  });

  it("counts disabled accounts too, and every role the rule covers must name its person", async () => {
    signInAs(sysadmin);
    await makeUser(t.client, "AUDIT_ADMIN", null, { username: "old-audit", personId: "P-OLD", disabled: true });
    const r = await ask({ username: "p-old-sec", role: "SECURITY_ADMIN", personId: "P-OLD" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { personId: [{ key: "dutyConflict", params: { role: "AUDIT_ADMIN" } }] } });
    // Issue 12, finding 1(b): an auditor without a person id escaped the rule. Refused on both paths now.
    for (const role of ["AUDIT_ADMIN", "AUDITOR", "MINISTRY_ADMIN"] as const) {
      const direct = await createAccountAction(null, fd({ username: `no-person-${role.toLowerCase()}`, displayName: "X", role }));
      expect(direct, role).toMatchObject({ ok: false, fieldErrors: { personId: [{ key: "personIdRequired" }] } });
      expect(await ask({ username: `no-person-${role.toLowerCase()}`, role }), role).toMatchObject({
        ok: false,
        fieldErrors: { personId: [{ key: "personIdRequired" }] },
      });
    }
    expect(await t.client.user.count({ where: { username: { startsWith: "no-person-" } } })).toBe(0);
    expect((await ask({ username: "new-audit", role: "AUDIT_ADMIN", personId: "P-NEW" })).ok).toBe(true);
  });
});

describe("disable, enable, reset", () => {
  it("disabling ends the user's sessions at once and is audited; enabling restores sign-in", async () => {
    const u = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "to-off" });
    const s = await signIn({ username: "to-off", password: u.password }, "10.2.2.2");
    expect(s.ok).toBe(true);
    signInAs(sysadmin);
    expect(await setAccountDisabledAction(fd({ id: u.id, disabled: "true" }))).toMatchObject({ ok: true, data: { disabled: true } });
    expect((await t.client.userSession.findFirstOrThrow({ where: { userId: u.id } })).revokedAt).not.toBeNull();
    expect((await signIn({ username: "to-off", password: u.password }, "10.2.2.2")).ok).toBe(false);
    expect(await setAccountDisabledAction(fd({ id: u.id, disabled: "false" }))).toMatchObject({ ok: true, data: { disabled: false } });
    expect((await signIn({ username: "to-off", password: u.password }, "10.2.2.2")).ok).toBe(true);
    expect((await audits("account.disable", u.id)).length).toBe(1);
    expect((await audits("account.enable", u.id)).length).toBe(1);
  });

  it("an administrator cannot disable or reset themself", async () => {
    signInAs(sysadmin);
    expect(await setAccountDisabledAction(fd({ id: sysadmin.id, disabled: "true" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await resetAccountPasswordAction(fd({ id: sysadmin.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await setAccountDisabledAction(fd({ id: "no-such-user", disabled: "true" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("a forced reset gives a new temporary password, clears a lockout, ends sessions and requires a change", async () => {
    const u = await makeUser(t.client, "EXPERT", "guangdong", { username: "forgetful", lockedUntil: new Date(Date.now() + 3600_000), failedSignIns: 2 });
    await t.client.userSession.create({ data: { userId: u.id, expiresAt: new Date(Date.now() + 3600_000), idleMinutes: 30 } });
    signInAs(sysadmin);
    const r = await resetAccountPasswordAction(fd({ id: u.id }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = await t.client.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedSignIns: 0 });
    expect(await verifyPassword(r.data.temporaryPassword, row.passwordHash)).toBe(true);
    expect(await verifyPassword(u.password, row.passwordHash)).toBe(false);
    expect(await t.client.userSession.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
    expect((await audits("account.password_reset", u.id))[0].after).toMatchObject({ mustChangePassword: true, sessionsEnded: 1 });
  });
});

describe("own password change", () => {
  it("needs the right current password (a wrong one counts toward the lockout)", async () => {
    const u = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "changer" });
    signInAs(as(u));
    const r = await changeOwnPasswordAction(
      null,
      fd({ currentPassword: "Not-the-password1", newPassword: "Harbour-Crane-77", confirmPassword: "Harbour-Crane-77" }),
    );
    expect(r).toMatchObject({ ok: false, fieldErrors: { currentPassword: [{ key: "currentPasswordWrong" }] } });
    // The refusal keeps what it counted: the failure and its audit event are committed.
    expect((await t.client.user.findUniqueOrThrow({ where: { id: u.id } })).failedSignIns).toBe(1);
    expect((await audits("auth.password_change_failed", u.id))[0]).toMatchObject({ actorId: u.id, after: { reason: "wrong_password", ip: "10.9.0.1" } });
  });

  it("applies the policy to the new password", async () => {
    const u = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "weakling" });
    signInAs(as(u));
    const cases: [string, string[]][] = [
      ["short1A!", ["passwordTooShort"]],
      ["Password@123", ["passwordLeaked"]],
      ["weakling-Pass-99", ["passwordContainsUsername"]],
      [u.password, ["passwordSameAsCurrent"]],
    ];
    for (const [pw, keys] of cases) {
      const r = await changeOwnPasswordAction(null, fd({ currentPassword: u.password, newPassword: pw, confirmPassword: pw }));
      expect(r.ok, pw).toBe(false);
      if (!r.ok)
        expect(
          r.fieldErrors?.newPassword?.map((i) => i.key),
          pw,
        ).toEqual(keys);
    }
    const mismatch = await changeOwnPasswordAction(
      null,
      fd({ currentPassword: u.password, newPassword: "Harbour-Crane-77", confirmPassword: "Harbour-Crane-78" }),
    );
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: [{ key: "passwordMismatch" }] } });
  });

  it("a due change: sets the new password, lifts the flag, keeps this session, ends the others, moves on", async () => {
    const u = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "first-timer", mustChangePassword: true });
    const here = await signIn({ username: "first-timer", password: u.password }, "10.3.3.3");
    const there = await signIn({ username: "first-timer", password: u.password }, "10.3.3.4");
    if (!here.ok || !there.ok) throw new Error("sign-in");
    signInAs(as(u, { sessionId: here.sessionId, mustChangePassword: true }));
    const moved = await changeOwnPasswordAction(
      null,
      fd({ currentPassword: u.password, newPassword: "Harbour-Crane-77", confirmPassword: "Harbour-Crane-77" }),
    ).catch((e: Error) => e.message);
    expect(moved).toBe("NEXT_REDIRECT:/console");
    const row = await t.client.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword("Harbour-Crane-77", row.passwordHash)).toBe(true);
    expect((await t.client.userSession.findUniqueOrThrow({ where: { id: here.sessionId } })).revokedAt).toBeNull();
    expect((await t.client.userSession.findUniqueOrThrow({ where: { id: there.sessionId } })).revokedAt).not.toBeNull();
    const changed = await audits("auth.password_change", u.id);
    expect(changed).toHaveLength(1);
    // The socket's address, not the one the client wrote into X-Forwarded-For; the one actor label.
    expect(changed[0]).toMatchObject({ actorId: u.id, actorLabel: u.username, after: { ip: "10.9.0.1" } });
  });

  it("five wrong current passwords lock the account and end its sessions", async () => {
    const u = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "guesser" });
    const s = await signIn({ username: "guesser", password: u.password }, "10.4.4.4");
    if (!s.ok) throw new Error("sign-in");
    signInAs(as(u, { sessionId: s.sessionId }));
    const wrong = fd({ currentPassword: "Wrong-guess-123", newPassword: "Harbour-Crane-77", confirmPassword: "Harbour-Crane-77" });
    for (let i = 0; i < 4; i++) expect((await changeOwnPasswordAction(null, wrong)).ok).toBe(false);
    expect(await changeOwnPasswordAction(null, wrong).catch((e: Error) => e.message)).toBe("NEXT_REDIRECT:/sign-in");
    expect((await t.client.user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).not.toBeNull();
    expect(await t.client.userSession.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
  });
});

describe("the security policy: only the security administrator", () => {
  const policyForm = (over: Record<string, number> = {}) =>
    fd(Object.fromEntries(Object.entries({ ...DEFAULT_POLICY, ...over }).map(([k, v]) => [k, String(v)])));

  it.each(roles.filter((r) => r !== "SECURITY_ADMIN"))("%s cannot change it", async (role: Role) => {
    const u = await makeUser(t.client, role, role === "PROVINCE_OFFICER" || role === "EXPERT" ? "guangdong" : null);
    signInAs(as(u));
    expect(await updateSecurityPolicyAction(null, policyForm({ lockoutMinutes: 30 }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await t.client.securityPolicy.count()).toBe(0);
  });

  it("the security administrator tightens it (audited) but cannot loosen it", async () => {
    signInAs(secadmin);
    expect(await updateSecurityPolicyAction(null, policyForm({ lockoutMinutes: 5, passwordMinLength: 8 }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { lockoutMinutes: [{ key: "tooSmall" }], passwordMinLength: [{ key: "tooSmall" }] },
    });
    expect(await updateSecurityPolicyAction(null, policyForm({ lockoutMinutes: 30, passwordMinLength: 14 }))).toEqual({ ok: true, data: { changed: 2 } });
    expect(await t.client.securityPolicy.findUniqueOrThrow({ where: { id: "default" } })).toMatchObject({
      lockoutMinutes: 30,
      passwordMinLength: 14,
      updatedById: secadmin.id,
    });
    const [ev] = await audits("security_policy.update");
    expect(ev).toMatchObject({
      actorId: secadmin.id,
      before: { lockoutMinutes: 15, passwordMinLength: 12 },
      after: { lockoutMinutes: 30, passwordMinLength: 14 },
    });
    // The stored rule now applies to every password set.
    const u = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "policy-user" });
    signInAs(as(u));
    const r = await changeOwnPasswordAction(null, fd({ currentPassword: u.password, newPassword: "Harbour-Cran7", confirmPassword: "Harbour-Cran7" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { newPassword: [{ key: "passwordTooShort", params: { min: 14 } }] } });
  });
});
