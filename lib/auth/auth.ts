import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { endSession } from "@/lib/accounts/sessions/mutations";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { runWrite } from "@/lib/db/unit-of-work";
import { Refusal } from "@/lib/errors";
import type { Role } from "@/lib/kernel/enums";
import { actorOf } from "@/lib/request/actor";
import { addressOf } from "@/lib/request/client-address";
import type { SessionUser } from "./roles";

declare module "next-auth" {
  interface Session {
    user: SessionUser & DefaultSession["user"];
  }
  interface User {
    username?: string;
    role?: Role;
    authorityId?: string | null;
    sessionId?: string;
  }
}

/** The client address's failures are over the limit: the form says "try later", nothing about the account. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/** The user a token names (the gates then check it against the session row: lib/accounts/session-check.ts). */
function userOfToken(token: JWT): SessionUser {
  return {
    id: token.uid as string,
    sessionId: token.sid as string,
    username: token.username as string,
    displayName: token.name ?? "",
    role: token.role as Role,
    authorityId: (token.authorityId as string | null) ?? null,
  };
}

// The database session decides how long a session lives (30 min idle, 12 h total by default);
// the cookie only has to outlast it.
const TWELVE_HOURS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: TWELVE_HOURS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome, already in the audit log: no stack trace in the server log for it.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      // The decision lives in lib/accounts/sign-in.ts (tested there); this only adapts it.
      async authorize(raw, request) {
        try {
          const { user: u, sessionId } = await attemptSignIn(raw, request.headers);
          return { id: u.id, name: u.displayName, username: u.username, role: u.role, authorityId: u.authorityId, sessionId };
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          if (e.code === "RATE_LIMITED") throw new SignInRateLimited();
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sessionId;
        token.username = user.username;
        token.role = user.role;
        token.authorityId = user.authorityId ?? null;
      }
      // Every session is a database row; a token that names none is refused outright.
      if (!token.sid) return null;
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, ...userOfToken(token) };
      return session;
    },
  },
  events: {
    // The session row ends in the write contract, audited as the user who signs out, from the request's address.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const sessionId = token?.sid;
      if (!token || typeof sessionId !== "string") return;
      const base = { actor: actorOf(userOfToken(token)), scope: null, clientAddress: addressOf(await headers()) };
      await runWrite(base, (ctx) => endSession(ctx, { sessionId }));
    },
  },
});
