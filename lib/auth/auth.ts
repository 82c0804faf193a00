import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserForSignIn } from "@/lib/accounts/data";
import { recordSignIn } from "@/lib/accounts/mutations";
import type { Role } from "@/lib/db/enums";
import { DUMMY_HASH, verifyPassword } from "./password";
import type { SessionUser } from "./roles";

declare module "next-auth" {
  interface Session {
    user: SessionUser & DefaultSession["user"];
  }
  interface User {
    username?: string;
    role?: Role;
    authorityId?: string | null;
  }
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

const TWELVE_HOURS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: TWELVE_HOURS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await findUserForSignIn(parsed.data.username);
        // Same work and same answer for an unknown user and a wrong password.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user) return null;
        if (!ok || user.disabled) {
          await recordSignIn(user, false);
          return null;
        }
        await recordSignIn(user, true);
        return {
          id: user.id,
          name: user.displayName,
          username: user.username,
          role: user.role,
          authorityId: user.authorityId,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.username = user.username;
        token.role = user.role;
        token.authorityId = user.authorityId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        username: token.username as string,
        displayName: token.name ?? "",
        role: token.role as Role,
        authorityId: (token.authorityId as string | null) ?? null,
      };
      return session;
    },
  },
});
