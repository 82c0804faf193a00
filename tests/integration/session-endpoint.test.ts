import { Auth } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { endSession } from "@/lib/accounts/sessions/mutations";
import { sessionCallbacks } from "@/lib/auth/session-callbacks";
import { runWrite } from "@/lib/db/unit-of-work";
import { systemActor } from "@/lib/request/actor";
import { makeUser } from "../factories";
import { peerHeaders } from "../support/peer";
import { fileTestDb } from "../support/test-db";

/**
 * Issue 12, finding 6: GET /api/auth/session with a replayed cookie after sign-out still named the
 * user (id, role, authority, session id) although every gate refused it. Auth.js itself (its
 * session action, as /api/auth/session runs it, with the registry's callbacks; next-auth's Next.js
 * wrapper cannot load under vitest) now runs the gates' session check in the jwt callback: once the
 * session row refuses, the answer is null and the cookie is cleared; while it stands, the answer
 * carries only the user and session ids. Failed before: the replay answered the full user.
 */
const SECRET = "test-secret-for-the-session-endpoint-0123456789";
const COOKIE = "authjs.session-token";
const db = fileTestDb();
const config = { secret: SECRET, trustHost: true, basePath: "/api/auth", providers: [], session: { strategy: "jwt" as const }, callbacks: sessionCallbacks };

/** The cookie Auth.js set at sign-in, as its own jwt callback builds the token. */
async function signedInCookie() {
  const user = await makeUser(db.client, "PROVINCE_OFFICER", "guangdong", { displayName: "广东经办人" });
  const { sessionId, user: u } = await attemptSignIn({ username: user.username, password: user.password }, new Headers(peerHeaders("192.0.2.7")));
  const token = { sub: u.id, name: u.displayName, uid: u.id, sid: sessionId, username: u.username, role: u.role, authorityId: u.authorityId };
  return { user: u, sessionId, cookie: `${COOKIE}=${await encode({ token, secret: SECRET, salt: COOKIE })}` };
}

async function getSession(cookie: string) {
  const response = await Auth(new Request("http://registry.test/api/auth/session", { headers: { cookie } }), config);
  return { status: response.status, body: await response.json(), setCookie: response.headers.getSetCookie().join("\n") };
}

describe("/api/auth/session (the real Auth.js route)", () => {
  it("while the session row stands: only the user and session ids, nothing the gates would trust", async () => {
    const { user, sessionId, cookie } = await signedInCookie();
    const r = await getSession(cookie);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ expires: expect.any(String), user: { id: user.id, sessionId } });
  });

  it("the old cookie replayed after sign-out: null, and the cookie is cleared", async () => {
    const { sessionId, cookie } = await signedInCookie();
    await runWrite({ actor: systemActor(), scope: null }, (ctx) => endSession(ctx, { sessionId }));
    const r = await getSession(cookie);
    expect(r.status).toBe(200);
    expect(r.body).toBeNull();
    expect(r.setCookie).toMatch(new RegExp(`${COOKIE}=;`));
  });

  it("a disabled account's cookie says nothing either", async () => {
    const { user, cookie } = await signedInCookie();
    await db.client.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect((await getSession(cookie)).body).toBeNull();
  });
});
