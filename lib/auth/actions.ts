"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { landingAfterSignIn, PASSWORD_PAGE } from "@/lib/accounts/landing";
import { defineAction } from "@/lib/actions/define";
import { refuse } from "@/lib/errors";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { signIn, signOut } from "./auth";
import { CALLBACK_PARAM, safeCallback } from "./callback";

export type SignInState = { error?: "INVALID_CREDENTIALS" | "REQUIRED" | "RATE_LIMITED" | "DB_UNAVAILABLE"; username?: string };

// Both run under the action contract (the policy row gates them: "public"), without a transaction
// of their own: Auth.js's authorize and sign-out event write through runWrite themselves
// (lib/accounts/sign-in.ts, lib/auth/auth.ts), and a sign-in's counted attempt must never roll back.
const signInWithPassword = defineAction({
  policy: "signInAction",
  input: z.object({ username: z.string().trim().min(1), password: z.string().min(1) }),
  transaction: false,
  run: async (_ctx, credentials) => {
    try {
      await signIn("credentials", { ...credentials, redirect: false });
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      if ((e as { code?: string }).code === "rate_limited") refuse("RATE_LIMITED");
      const cause = (e.cause as { err?: unknown } | undefined)?.err;
      if (cause && isDbUnavailable(cause)) throw cause;
      refuse("INVALID_CREDENTIALS");
    }
    return landingAfterSignIn(credentials.username);
  },
});

/**
 * Sign-in form action (useActionState keeps the name typed). Refusals share one message (unknown
 * user, wrong password, locked and disabled look the same); only the per-address rate limit says
 * "try later". On success it goes on to the user's first page.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get("username") ?? "").trim();
  const res = await signInWithPassword(form);
  // The page asked for before signing in, if it is a console path (never another site); a
  // password change that is due still comes first.
  const back = safeCallback(form.get(CALLBACK_PARAM));
  if (res.ok) redirect(back && res.data !== PASSWORD_PAGE ? back : res.data);
  if (res.code === "VALIDATION") return { error: "REQUIRED", username };
  const error = res.code === "RATE_LIMITED" || res.code === "DB_UNAVAILABLE" ? res.code : "INVALID_CREDENTIALS";
  return { error, username };
}

const signOutNow = defineAction({ policy: "signOutAction", input: z.object({}), transaction: false, run: () => signOut({ redirectTo: "/" }) });

/** The console's sign-out button (a form action: no result to show; Auth.js redirects). */
export async function signOutAction(): Promise<void> {
  await signOutNow({});
}
