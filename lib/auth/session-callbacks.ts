import type { NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { resolveSessionUser } from "@/lib/accounts/session-check";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import type { Role } from "@/lib/kernel/enums";
import type { SessionUser } from "./roles";

/**
 * Auth.js's token and session callbacks (lib/auth/auth.ts), on their own so that the tests can run
 * them inside Auth.js itself (tests/integration/session-endpoint.test.ts) without Next.js.
 */

/** The user a token names (the gates then check it against the session row: lib/accounts/session-check.ts). */
export function userOfToken(token: JWT): SessionUser {
  return {
    id: token.uid as string,
    sessionId: token.sid as string,
    username: token.username as string,
    displayName: token.name ?? "",
    role: token.role as Role,
    authorityId: (token.authorityId as string | null) ?? null,
  };
}

/**
 * Whether the session row behind a token still stands, by the gates' own check (once per request).
 * A database outage signs nobody out: the token is kept and the gates answer 503.
 */
async function sessionStands(token: JWT): Promise<boolean> {
  try {
    return (await resolveSessionUser({ id: token.uid as string, sessionId: token.sid as string })) !== null;
  } catch (e) {
    if (isDbUnavailable(e)) return true;
    throw e;
  }
}

export const sessionCallbacks = {
  async jwt({ token, user }) {
    if (user) {
      token.uid = user.id;
      token.sid = user.sessionId;
      token.username = user.username;
      token.role = user.role;
      token.authorityId = user.authorityId ?? null;
    }
    // Every session is a database row; a token that names none is refused outright.
    if (!token.sid) return null;
    // A cookie replayed after sign-out (or past expiry, of a disabled account…) names a row that
    // refuses: the token then says nothing, so /api/auth/session answers null and clears the cookie.
    if (!user && !(await sessionStands(token))) return null;
    return token;
  },
  // Only what the gates need to look the session up; pages read the user from the gates, never from here.
  session({ session, token }) {
    return { expires: session.expires, user: { id: token.uid as string, sessionId: token.sid as string } } as typeof session;
  },
} satisfies NextAuthConfig["callbacks"];
