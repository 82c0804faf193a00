import "server-only";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { clock } from "@/lib/kernel/dates";
import { findSession } from "./sessions/data";
import { touchSession } from "./sessions/mutations";
import { needsTouch, sessionRefusal } from "./sessions/rules";

/**
 * What every gate trusts: the token only names a session; the session row decides. Refused: no
 * such session, another user's, revoked (sign-out), past its total lifetime, idle too long, created
 * before "sign out of all sessions", or a disabled user. The user's current role, authority and
 * must-change-password flag come from the database, so a change applies on the next request.
 * See docs/decisions/0012-database-sessions.md.
 *
 * A session without an id comes only from the unit tests' mocked Auth.js (tests/support/setup.ts):
 * lib/auth/auth.ts refuses every real token that lacks one, and outside tests so does this.
 */
export async function resolveSessionUser(claims: SessionClaims): Promise<SessionUser | null> {
  if (!claims.sessionId) return env().NODE_ENV === "test" ? (claims as SessionUser) : null;
  return checkSession(claims.id, claims.sessionId);
}

/** What a token claims: the user and the session row. Nothing else in it is trusted. */
export type SessionClaims = Pick<SessionUser, "id" | "sessionId">;

/**
 * Once per request (React cache): Auth.js's jwt callback (so /api/auth/session says "no session"
 * once the row refuses: lib/auth/auth.ts) and the gates (currentUser) ask the same question.
 */
const checkSession = cache(async (userId: string, sessionId: string): Promise<SessionUser | null> => {
  const now = clock.now();
  const s = await findSession(sessionId);
  if (!s || s.userId !== userId) return null;
  if (sessionRefusal(s, now)) return null;
  if (needsTouch(s.lastSeenAt, now)) await touchSession(s.id, now);
  return {
    id: s.userId,
    username: s.user.username,
    displayName: s.user.displayName,
    role: s.user.role,
    authorityId: s.user.authorityId,
    sessionId: s.id,
    mustChangePassword: s.user.mustChangePassword,
  };
});
