import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import type { SessionClaims } from "@/lib/accounts/session-check";
import { endSession } from "@/lib/accounts/sessions/mutations";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { runWrite } from "@/lib/db/unit-of-work";
import { Refusal } from "@/lib/errors";
import type { Role } from "@/lib/kernel/enums";
import { actorOf } from "@/lib/request/actor";
import { addressOf } from "@/lib/request/client-address";
import { sessionCallbacks, userOfToken } from "./session-callbacks";

declare module "next-auth" {
  /** What auth() and /api/auth/session give: which user and session row, nothing the gates would trust. */
  interface Session {
    user: SessionClaims & DefaultSession["user"];
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
  callbacks: sessionCallbacks,
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
