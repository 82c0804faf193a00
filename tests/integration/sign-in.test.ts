import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { openTestDb, type TestDb } from "../support/test-db";
import { makeUser, TEST_PASSWORD, type MadeUser } from "../factories";

/**
 * Sign-in protection (lib/accounts/sign-in.ts, called by Auth.js's authorize): generic refusals,
 * 5 failures lock for 15 minutes, per-address rate limit, all state in the database. The clock is
 * the `now` argument. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
let t: TestDb;
let officer: MadeUser;
const T0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const creds = (username: string, password: string) => ({ username, password });

async function events(action: string, entityId?: string) {
  return t.client.auditEvent.findMany({
    where: { action, ...(entityId ? { entityId } : {}) },
    orderBy: { at: "asc" },
    select: { after: true, actorId: true, entityId: true },
  });
}

beforeAll(async () => {
  t = await openTestDb();
  officer = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "gd-lock" });
});
afterAll(() => t.close());

describe("sign-in", () => {
  it("signs in with the right password, opens a session row and audits it", async () => {
    const out = await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.0.0.1", at(0));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.user).toMatchObject({ id: officer.id, role: "PROVINCE_OFFICER", authorityId: "guangdong" });
    expect(out.user).not.toHaveProperty("passwordHash");
    const s = await t.client.userSession.findUniqueOrThrow({ where: { id: out.sessionId } });
    expect(s).toMatchObject({ userId: officer.id, idleMinutes: 30, revokedAt: null, ip: "10.0.0.1" });
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(12 * 3600_000);
    const [ev] = await events("auth.sign_in", officer.id);
    expect(ev.after).toMatchObject({ ip: "10.0.0.1", sessionId: out.sessionId });
  });

  it("answers an unknown user and a wrong password alike, and audits which it was", async () => {
    const unknown = await attemptSignIn(creds("nobody-here", TEST_PASSWORD), "10.0.0.2", at(1));
    const wrong = await attemptSignIn(creds("gd-lock", "Wrong#password1"), "10.0.0.2", at(1));
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    const failed = await events("auth.sign_in_failed");
    expect(failed.map((e) => (e.after as { reason: string }).reason)).toEqual(["unknown_user", "wrong_password"]);
    expect(failed[0]).toMatchObject({ actorId: null, entityId: "-" });
    expect(failed[1]).toMatchObject({ actorId: officer.id, entityId: officer.id });
  });

  it("locks the account after 5 failures for 15 minutes, even for the right password, then lets it in", async () => {
    await t.client.user.update({ where: { id: officer.id }, data: { failedSignIns: 0 } });
    for (let i = 0; i < 5; i++) expect((await attemptSignIn(creds("gd-lock", `Wrong#password${i}`), "10.0.1.1", at(2))).ok).toBe(false);
    const row = await t.client.user.findUniqueOrThrow({ where: { id: officer.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(row.lockedUntil?.toISOString()).toBe(at(17).toISOString());
    expect(row.failedSignIns).toBe(0);
    expect(await events("auth.lockout", officer.id)).toHaveLength(1);

    // Locked: the right password is refused with the same answer, and the log says why.
    expect(await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.0.1.1", at(10))).toEqual({ ok: false, reason: "invalid" });
    const last = (await events("auth.sign_in_failed", officer.id)).at(-1)!;
    expect((last.after as { reason: string }).reason).toBe("locked");

    // One minute before the end still locked; at the end, open again, and the lock is cleared.
    expect((await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.0.1.1", at(16))).ok).toBe(false);
    expect((await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.0.1.1", at(17))).ok).toBe(true);
    const after = await t.client.user.findUniqueOrThrow({ where: { id: officer.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(after).toEqual({ lockedUntil: null, failedSignIns: 0 });
  });

  it("counts concurrent failures exactly and locks once", async () => {
    const u = await makeUser(t.client, "EXPERT", "zhejiang", { username: "zj-burst" });
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => attemptSignIn(creds("zj-burst", `Wrong#burst${i}`), "10.0.2.1", at(20))));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await events("auth.lockout", u.id)).toHaveLength(1);
    const row = await t.client.user.findUniqueOrThrow({ where: { id: u.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(row.lockedUntil).not.toBeNull();
    // 5 counted to the lock, the rest either counted after it (2) or were refused as locked.
    expect(row.failedSignIns).toBeLessThanOrEqual(2);
  });

  it("refuses a disabled account with the same answer", async () => {
    const u = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "off-duty", disabled: true });
    expect(await attemptSignIn(creds("off-duty", TEST_PASSWORD), "10.0.3.1", at(30))).toEqual({ ok: false, reason: "invalid" });
    const last = (await events("auth.sign_in_failed", u.id)).at(-1)!;
    expect((last.after as { reason: string }).reason).toBe("disabled");
  });

  it("refuses empty or oversized input without touching anything", async () => {
    expect(await attemptSignIn({ username: "", password: "x" }, "10.0.3.2", at(30))).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptSignIn({ username: "a".repeat(65), password: "x" }, "10.0.3.2", at(30))).toEqual({ ok: false, reason: "invalid" });
    expect(await t.client.signInThrottle.count({ where: { key: "ip:10.0.3.2" } })).toBe(0);
  });
});

describe("per-address rate limit", () => {
  it("refuses the 21st failure-window attempt from one address, even with the right password, and audits once", async () => {
    for (let i = 0; i < 20; i++) expect((await attemptSignIn(creds(`ghost-${i}`, "Wrong#password1"), "10.9.9.9", at(60))).ok).toBe(false);
    expect(await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.9.9.9", at(61))).toEqual({ ok: false, reason: "rate_limited" });
    expect(await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.9.9.9", at(62))).toEqual({ ok: false, reason: "rate_limited" });
    const limited = await events("auth.rate_limited", "10.9.9.9");
    expect(limited).toHaveLength(1);
    // Another address is not affected; the account itself is not locked by the flood.
    expect((await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.9.9.8", at(62))).ok).toBe(true);
    // The next window (15 minutes) starts again.
    expect((await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.9.9.9", at(75))).ok).toBe(true);
  });

  it("does not count successful sign-ins against the address", async () => {
    // With the smallest allowed limit (5), so that the test stays quick: 7 successes pass.
    await t.client.securityPolicy.create({ data: { id: "default", ipMaxFailures: 5 } });
    try {
      for (let i = 0; i < 7; i++) expect((await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.8.8.8", at(90))).ok).toBe(true);
      const row = await t.client.signInThrottle.findFirstOrThrow({ where: { key: "ip:10.8.8.8" } });
      expect(row.count).toBe(0);
    } finally {
      await t.client.securityPolicy.delete({ where: { id: "default" } });
    }
  });

  it("follows the stored policy (the security administrator's values)", async () => {
    await t.client.securityPolicy.create({ data: { id: "default", ipMaxFailures: 5, maxFailedSignIns: 3, lockoutMinutes: 60 } });
    try {
      for (let i = 0; i < 5; i++) await attemptSignIn(creds(`ghost-${i}`, "Wrong#password1"), "10.7.7.7", at(120));
      expect(await attemptSignIn(creds("gd-lock", TEST_PASSWORD), "10.7.7.7", at(120))).toEqual({ ok: false, reason: "rate_limited" });
      const u = await makeUser(t.client, "EXPERT", "zhejiang", { username: "strict" });
      for (let i = 0; i < 3; i++) await attemptSignIn(creds("strict", "Wrong#password1"), "10.7.7.6", at(120));
      const row = await t.client.user.findUniqueOrThrow({ where: { id: u.id }, select: { lockedUntil: true } });
      expect(row.lockedUntil?.toISOString()).toBe(at(180).toISOString());
    } finally {
      await t.client.securityPolicy.delete({ where: { id: "default" } });
    }
  });
});
