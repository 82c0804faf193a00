import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clock } from "@/lib/accounts/clock";
import { endSession } from "@/lib/accounts/sessions/mutations";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import type { Role } from "@/lib/kernel/enums";
import { env } from "@/lib/env";
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
        const ip = addressOf(request.headers);
        const outcome = await attemptSignIn(raw, ip);
        if (!outcome.ok) {
          if (outcome.reason === "rate_limited") throw new SignInRateLimited();
          return null;
        }
        const u = outcome.user;
        return { id: u.id, name: u.displayName, username: u.username, role: u.role, authorityId: u.authorityId, sessionId: outcome.sessionId };
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
      session.user = {
        ...session.user,
        id: token.uid as string,
        sessionId: token.sid as string,
        username: token.username as string,
        displayName: token.name ?? "",
        role: token.role as Role,
        authorityId: (token.authorityId as string | null) ?? null,
      };
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid, clock.now());
    },
  },
});
