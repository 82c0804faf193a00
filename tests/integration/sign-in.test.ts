import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn, type SignedIn } from "@/lib/accounts/sign-in";
import { env } from "@/lib/env";
import { Refusal } from "@/lib/errors";
import { clock } from "@/lib/kernel/dates";
import { openTestDb, type TestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";
import { makeUser, TEST_PASSWORD, type MadeUser } from "../factories";

/**
 * Sign-in protection (lib/accounts/sign-in.ts, called by Auth.js's authorize with the request's
 * headers): generic refusals, 5 failures lock for 15 minutes, per-address rate limit keyed on the
 * client address by the one rule (the socket's, without TRUST_PROXY), all state in the database.
 * Requests come "from" a socket address (tests/support/peer.ts); the clock is `clock.now`.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
let t: TestDb;
let officer: MadeUser;
const T0 = new Date("2026-03-02T01:00:00Z");
const realNow = clock.now;
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const creds = (username: string, password: string) => ({ username, password });

/** One sign-in from the socket `address` (extra headers as the client sent them) at T0 + `minutes`. */
function signIn(raw: unknown, address: string, minutes: number, extra: Record<string, string> = {}): Promise<SignedIn> {
  clock.now = () => at(minutes);
  return attemptSignIn(raw, new Headers(peerHeaders(address, extra)));
}

/** The same, answered "ok" or with the refusal's code. */
async function outcome(raw: unknown, address: string, minutes: number, extra: Record<string, string> = {}): Promise<string> {
  try {
    await signIn(raw, address, minutes, extra);
    return "ok";
  } catch (e) {
    if (e instanceof Refusal) return e.code;
    throw e;
  }
}

async function events(action: string, entityId?: string) {
  return t.client.auditEvent.findMany({
    where: { action, ...(entityId ? { entityId } : {}) },
    orderBy: { at: "asc" },
    select: { after: true, actorId: true, actorLabel: true, entityId: true, clientAddress: true },
  });
}

beforeAll(async () => {
  t = await openTestDb();
  officer = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "gd-lock" });
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(() => t.close());

describe("sign-in", () => {
  it("signs in with the right password, opens a session row and audits it", async () => {
    const out = await signIn(creds("gd-lock", TEST_PASSWORD), "10.0.0.1", 0);
    expect(out.user).toMatchObject({ id: officer.id, role: "PROVINCE_OFFICER", authorityId: "guangdong" });
    expect(out.user).not.toHaveProperty("passwordHash");
    const s = await t.client.userSession.findUniqueOrThrow({ where: { id: out.sessionId } });
    expect(s).toMatchObject({ userId: officer.id, idleMinutes: 30, revokedAt: null, ip: "10.0.0.1" });
    expect(s.createdAt.toISOString()).toBe(at(0).toISOString());
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(12 * 3600_000);
    const [ev] = await events("auth.sign_in", officer.id);
    expect(ev.after).toMatchObject({ ip: "10.0.0.1", sessionId: out.sessionId });
  });

  it("answers an unknown user and a wrong password alike, and audits which it was", async () => {
    expect(await outcome(creds("nobody-here", TEST_PASSWORD), "10.0.0.2", 1)).toBe("INVALID_CREDENTIALS");
    expect(await outcome(creds("gd-lock", "Wrong#password1"), "10.0.0.2", 1)).toBe("INVALID_CREDENTIALS");
    const failed = await events("auth.sign_in_failed");
    expect(failed.map((e) => (e.after as { reason: string }).reason)).toEqual(["unknown_user", "wrong_password"]);
    // The unknown user is named by what was typed; the account by the one actor label (display name, else user name).
    expect(failed[0]).toMatchObject({ actorId: null, actorLabel: "nobody-here", entityId: "-" });
    expect(failed[1]).toMatchObject({ actorId: officer.id, entityId: officer.id });
  });

  it("locks the account after 5 failures for 15 minutes, even for the right password, then lets it in", async () => {
    await t.client.user.update({ where: { id: officer.id }, data: { failedSignIns: 0 } });
    for (let i = 0; i < 5; i++) expect(await outcome(creds("gd-lock", `Wrong#password${i}`), "10.0.1.1", 2)).toBe("INVALID_CREDENTIALS");
    const row = await t.client.user.findUniqueOrThrow({ where: { id: officer.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(row.lockedUntil?.toISOString()).toBe(at(17).toISOString());
    expect(row.failedSignIns).toBe(0);
    expect(await events("auth.lockout", officer.id)).toHaveLength(1);

    // Locked: the right password is refused with the same answer, and the log says why.
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.0.1.1", 10)).toBe("INVALID_CREDENTIALS");
    const last = (await events("auth.sign_in_failed", officer.id)).at(-1)!;
    expect((last.after as { reason: string }).reason).toBe("locked");

    // One minute before the end still locked; at the end, open again, and the lock is cleared.
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.0.1.1", 16)).toBe("INVALID_CREDENTIALS");
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.0.1.1", 17)).toBe("ok");
    const after = await t.client.user.findUniqueOrThrow({ where: { id: officer.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(after).toEqual({ lockedUntil: null, failedSignIns: 0 });
  });

  it("counts concurrent failures exactly and locks once", async () => {
    const u = await makeUser(t.client, "EXPERT", "zhejiang", { username: "zj-burst" });
    clock.now = () => at(20);
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, (_, i) => attemptSignIn(creds("zj-burst", `Wrong#burst${i}`), new Headers(peerHeaders("10.0.2.1")))),
    );
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof Refusal)).toBe(true);
    expect(await events("auth.lockout", u.id)).toHaveLength(1);
    const row = await t.client.user.findUniqueOrThrow({ where: { id: u.id }, select: { lockedUntil: true, failedSignIns: true } });
    expect(row.lockedUntil).not.toBeNull();
    // 5 counted to the lock, the rest either counted after it (2) or were refused as locked.
    expect(row.failedSignIns).toBeLessThanOrEqual(2);
  });

  it("refuses a disabled account with the same answer", async () => {
    const u = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "off-duty", disabled: true });
    expect(await outcome(creds("off-duty", TEST_PASSWORD), "10.0.3.1", 30)).toBe("INVALID_CREDENTIALS");
    const last = (await events("auth.sign_in_failed", u.id)).at(-1)!;
    expect((last.after as { reason: string }).reason).toBe("disabled");
  });

  it("refuses empty or oversized input without touching anything", async () => {
    expect(await outcome({ username: "", password: "x" }, "10.0.3.2", 30)).toBe("INVALID_CREDENTIALS");
    expect(await outcome({ username: "a".repeat(65), password: "x" }, "10.0.3.2", 30)).toBe("INVALID_CREDENTIALS");
    expect(await t.client.signInThrottle.count({ where: { key: "ip:10.0.3.2" } })).toBe(0);
  });
});

describe("per-address rate limit", () => {
  it("refuses the 21st failure-window attempt from one address, even with the right password, and audits once", async () => {
    for (let i = 0; i < 20; i++) expect(await outcome(creds(`ghost-${i}`, "Wrong#password1"), "10.9.9.9", 60)).toBe("INVALID_CREDENTIALS");
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.9.9.9", 61)).toBe("RATE_LIMITED");
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.9.9.9", 62)).toBe("RATE_LIMITED");
    const limited = await events("auth.rate_limited", "10.9.9.9");
    expect(limited).toHaveLength(1);
    // Another address is not affected; the account itself is not locked by the flood.
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.9.9.8", 62)).toBe("ok");
    // The next window (15 minutes) starts again.
    expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.9.9.9", 75)).toBe("ok");
  });

  it("does not count successful sign-ins against the address", async () => {
    // With the smallest allowed limit (5), so that the test stays quick: 7 successes pass.
    await t.client.securityPolicy.create({ data: { id: "default", ipMaxFailures: 5 } });
    try {
      for (let i = 0; i < 7; i++) expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.8.8.8", 90)).toBe("ok");
      const row = await t.client.signInThrottle.findFirstOrThrow({ where: { key: "ip:10.8.8.8" } });
      expect(row.count).toBe(0);
    } finally {
      await t.client.securityPolicy.delete({ where: { id: "default" } });
    }
  });

  it("follows the stored policy (the security administrator's values)", async () => {
    await t.client.securityPolicy.create({ data: { id: "default", ipMaxFailures: 5, maxFailedSignIns: 3, lockoutMinutes: 60 } });
    try {
      for (let i = 0; i < 5; i++) await outcome(creds(`ghost-${i}`, "Wrong#password1"), "10.7.7.7", 120);
      expect(await outcome(creds("gd-lock", TEST_PASSWORD), "10.7.7.7", 120)).toBe("RATE_LIMITED");
      const u = await makeUser(t.client, "EXPERT", "zhejiang", { username: "strict" });
      for (let i = 0; i < 3; i++) await outcome(creds("strict", "Wrong#password1"), "10.7.7.6", 120);
      const row = await t.client.user.findUniqueOrThrow({ where: { id: u.id }, select: { lockedUntil: true } });
      expect(row.lockedUntil?.toISOString()).toBe(at(180).toISOString());
    } finally {
      await t.client.securityPolicy.delete({ where: { id: "default" } });
    }
  });

  it("counts an IPv6 client by its /64 network (a fresh address per attempt is no fresh allowance)", async () => {
    await t.client.securityPolicy.create({ data: { id: "default", ipMaxFailures: 5 } });
    try {
      for (let i = 1; i <= 5; i++) expect(await outcome(creds(`ghost-${i}`, "Wrong#password1"), `2001:db8:1:2::${i}`, 150)).toBe("INVALID_CREDENTIALS");
      expect(await outcome(creds("gd-lock", TEST_PASSWORD), "2001:db8:1:2:ffff::9", 150)).toBe("RATE_LIMITED");
      expect(await outcome(creds("gd-lock", TEST_PASSWORD), "2001:db8:1:3::1", 150)).toBe("ok");
    } finally {
      await t.client.securityPolicy.delete({ where: { id: "default" } });
    }
  });
});

// Issue 11, finding 2: without TRUST_PROXY, X-Forwarded-For is the client's to write. The limit
// and the audit log must key on the socket's address, or each forged header is a fresh allowance.
describe("a forged X-Forwarded-For (TRUST_PROXY unset)", () => {
  it("gets no fresh allowance: the attempt after the limit is still throttled, and the log names the socket", async () => {
    expect(env().TRUST_PROXY).toBe(0);
    await t.client.securityPolicy.create({ data: { id: "default", ipMaxFailures: 20, ipWindowMinutes: 15 } });
    try {
      const { ipMaxFailures } = await t.client.securityPolicy.findUniqueOrThrow({ where: { id: "default" } });
      // What Next.js sends on for a client that sent no X-Forwarded-For: the socket address.
      const socket = "10.9.9.9";
      const own = { "x-forwarded-for": socket };
      const answers: string[] = [];
      for (let i = 0; i < ipMaxFailures + 2; i++) answers.push(await outcome(creds(`spray-${i}`, "Wrong#password1"), socket, 200, own));
      expect(answers.slice(0, ipMaxFailures).every((a) => a === "INVALID_CREDENTIALS")).toBe(true);
      expect(answers.slice(ipMaxFailures)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);

      // The next one names another client in the header it wrote itself: still the same socket, still throttled.
      expect(await outcome(creds("gd-lock", TEST_PASSWORD), socket, 201, { "x-forwarded-for": "10.9.9.10" })).toBe("RATE_LIMITED");
      expect(await t.client.signInThrottle.count({ where: { key: { contains: "10.9.9.10" } } })).toBe(0);
      // (The first describe block's flood from this socket was logged once too, in an earlier window.)
      const limited = await events("auth.rate_limited", socket);
      expect(limited).toHaveLength(2);
      expect(limited.at(-1)).toMatchObject({ clientAddress: socket, after: { ip: socket } });
      expect(await t.client.auditEvent.count({ where: { OR: [{ clientAddress: "10.9.9.10" }, { entityId: "10.9.9.10" }] } })).toBe(0);
    } finally {
      await t.client.securityPolicy.delete({ where: { id: "default" } });
    }
  });

  it("a sign-in's audit event and session store the socket's address, not the forged one", async () => {
    const out = await signIn(creds("gd-lock", TEST_PASSWORD), "10.6.6.6", 300, { "x-forwarded-for": "10.9.9.10" });
    const [ev] = (await events("auth.sign_in", officer.id)).filter((e) => (e.after as { sessionId: string }).sessionId === out.sessionId);
    expect(ev).toMatchObject({ clientAddress: "10.6.6.6", after: { ip: "10.6.6.6" } });
    expect((await t.client.userSession.findUniqueOrThrow({ where: { id: out.sessionId } })).ip).toBe("10.6.6.6");
  });
});
