import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signOutEverywhereAction } from "@/lib/accounts/actions";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { endSession } from "@/lib/accounts/sessions/mutations";
import { authorize, currentUser, getSignedIn, getUser, requirePolicy, requireSignedIn, requireUser } from "@/lib/auth/gates";
import type { SessionUser } from "@/lib/auth/roles";
import { runWrite } from "@/lib/db/unit-of-work";
import { Refusal } from "@/lib/errors";
import { clock } from "@/lib/kernel/dates";
import { actorOf } from "@/lib/request/actor";
import { makeUser, TEST_PASSWORD, type MadeUser } from "../factories";
import { signInAs } from "../support/session";
import { openTestDb, type TestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";

// Actions read the client address from the request headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers(peerHeaders("127.0.0.1")) }));

/**
 * Sessions as every gate sees them (lib/accounts/session-check.ts via currentUser()): the token
 * names a UserSession row; idle (30 min) and total (12 h) timeouts, sign-out, "sign out of all
 * sessions", a disabled account and a due password change are refused. The clock is replaced.
 */
let t: TestDb;
let officer: MadeUser;
const T0 = new Date("2026-04-01T00:00:00Z");
const realNow = clock.now;
let now = T0;
const setNow = (minutes: number) => (now = new Date(T0.getTime() + minutes * 60_000));

beforeAll(async () => {
  t = await openTestDb();
  officer = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "gd-session" });
  clock.now = () => now;
});
afterAll(async () => {
  clock.now = realNow;
  await t.close();
});
afterEach(() => signInAs(null));

/** Signs in for real (a session row) and puts the token's claims into the mocked Auth.js session. */
async function session(u: MadeUser, at = 0): Promise<SessionUser> {
  setNow(at);
  const out = await attemptSignIn({ username: u.username, password: u.password }, new Headers(peerHeaders("127.0.0.1")));
  const claims: SessionUser = { id: u.id, username: u.username, displayName: u.username, role: u.role, authorityId: u.authorityId, sessionId: out.sessionId };
  signInAs(claims);
  return claims;
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "passed";
  } catch (e) {
    return e instanceof Refusal ? e.code : (e as Error).message;
  }
}

describe("idle and total timeout", () => {
  it("keeps a session alive while it is used, and ends it after 30 idle minutes", async () => {
    await session(officer, 0);
    setNow(29);
    expect((await currentUser())?.id).toBe(officer.id);
    // That request counted as use: 29 more minutes are fine.
    setNow(58);
    expect((await getUser()).id).toBe(officer.id);
    // 30 minutes after the last use: refused by every gate.
    setNow(88);
    expect(await currentUser()).toBeNull();
    expect(await code(getUser())).toBe("UNAUTHENTICATED");
    expect(await code(requireUser())).toBe("NEXT_REDIRECT:/sign-in");
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const claims = await session(officer, 100);
    const seen = async () => (await t.client.userSession.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt.getTime();
    setNow(100.5);
    await currentUser();
    expect(await seen()).toBe(T0.getTime() + 100 * 60_000);
    setNow(101.5);
    await currentUser();
    expect(await seen()).toBe(T0.getTime() + 101.5 * 60_000);
  });

  it("ends a session 12 hours after sign-in however busy it is", async () => {
    await session(officer, 200);
    for (let m = 225; m < 200 + 12 * 60; m += 25) {
      setNow(m);
      expect((await currentUser())?.id, `at +${m - 200} min`).toBe(officer.id);
    }
    setNow(200 + 12 * 60);
    expect(await currentUser()).toBeNull();
  });
});

describe("sign-out", () => {
  it("a signed-out session's token opens nothing", async () => {
    const claims = await session(officer, 1000);
    // As Auth.js's sign-out event runs it (lib/auth/auth.ts): the user signing out is the actor.
    await runWrite({ actor: actorOf(claims), scope: null, clientAddress: "127.0.0.1" }, (ctx) => endSession(ctx, { sessionId: claims.sessionId! }));
    expect(await currentUser()).toBeNull();
    const [ev] = await t.client.auditEvent.findMany({ where: { action: "auth.sign_out", entityId: officer.id } });
    expect(ev).toMatchObject({ actorId: officer.id, actorLabel: officer.username, after: { sessionId: claims.sessionId } });
  });

  it("sign out of all sessions ends every session of the user, and only theirs", async () => {
    const other = await makeUser(t.client, "EXPERT", "zhejiang", { username: "zj-other" });
    const otherClaims = await session(other, 1100);
    const a = await session(officer, 1100);
    const b = await session(officer, 1101);
    expect((await currentUser())?.sessionId).toBe(b.sessionId);

    await signOutEverywhereAction();
    for (const c of [a, b]) {
      signInAs(c);
      expect(await currentUser()).toBeNull();
    }
    signInAs(otherClaims);
    expect((await currentUser())?.id).toBe(other.id);
    const row = await t.client.user.findUniqueOrThrow({ where: { id: officer.id }, select: { sessionsValidAfter: true } });
    expect(row.sessionsValidAfter?.getTime()).toBe(now.getTime());
    expect(await t.client.auditEvent.count({ where: { action: "auth.sign_out_all", entityId: officer.id } })).toBe(1);

    // A new sign-in afterwards works.
    await session(officer, 1102);
    expect((await currentUser())?.id).toBe(officer.id);
  });

  it("refuses a session created before sessionsValidAfter even if its row was not revoked", async () => {
    const c = await session(officer, 1200);
    await t.client.user.update({ where: { id: officer.id }, data: { sessionsValidAfter: new Date(now.getTime() + 1) } });
    signInAs(c);
    expect(await currentUser()).toBeNull();
  });

  it("refuses a token naming another user's session, or no session row", async () => {
    const c = await session(officer, 1300);
    signInAs({ ...c, id: "someone-else" });
    expect(await currentUser()).toBeNull();
    signInAs({ ...c, sessionId: "no-such-session" });
    expect(await currentUser()).toBeNull();
  });
});

describe("the account behind the session", () => {
  it("a disabled account is refused at the gate at once, with a live session", async () => {
    const u = await makeUser(t.client, "MINISTRY_STAFF", null, { username: "to-disable" });
    await session(u, 1400);
    expect((await authorize("startReviewAction")).id).toBe(u.id);
    await t.client.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect(await code(authorize("startReviewAction"))).toBe("UNAUTHENTICATED");
    expect(await code(requirePolicy("loadBatchList"))).toBe("NEXT_REDIRECT:/sign-in");
  });

  it("role and authority come from the database, not from the token", async () => {
    const u = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "moved" });
    const c = await session(u, 1500);
    signInAs({ ...c, role: "MINISTRY_ADMIN", authorityId: null });
    const seen = await currentUser();
    expect(seen).toMatchObject({ role: "PROVINCE_OFFICER", authorityId: "guangdong" });
  });

  it("a due password change lets the user reach only the password page", async () => {
    const u = await makeUser(t.client, "PROVINCE_OFFICER", "guangdong", { username: "new-officer", mustChangePassword: true });
    await session(u, 1600);
    expect((await requireSignedIn()).mustChangePassword).toBe(true);
    expect((await getSignedIn()).id).toBe(u.id);
    expect(await code(requireUser())).toBe("NEXT_REDIRECT:/console/account/password");
    expect(await code(requirePolicy("loadApplyHome"))).toBe("NEXT_REDIRECT:/console/account/password");
    expect(await code(getUser())).toBe("FORBIDDEN");
    expect(await code(authorize("createApplicationAction"))).toBe("FORBIDDEN");
  });
});

describe("unit-test sessions", () => {
  it("a mocked session without a session id passes only because NODE_ENV is test", async () => {
    signInAs({ id: "u-x", username: "x", displayName: "x", role: "AUDITOR", authorityId: null });
    expect((await currentUser())?.id).toBe("u-x");
    expect(TEST_PASSWORD).toBeTruthy();
  });
});
