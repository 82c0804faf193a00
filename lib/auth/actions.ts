"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { landingAfterSignIn } from "@/lib/accounts/landing";
import { isDbUnavailable } from "@/lib/kernel/db-errors";
import { signIn, signOut } from "./auth";

export type SignInState = { error?: "INVALID_CREDENTIALS" | "REQUIRED" | "RATE_LIMITED" | "DB_UNAVAILABLE"; username?: string };

/**
 * Sign-in form action. Refusals share one message (unknown user, wrong password, locked and
 * disabled look the same); only the per-address rate limit says "try later".
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!username || !password) return { error: "REQUIRED", username };
  try {
    await signIn("credentials", { username, password, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      if ((e as { code?: string }).code === "rate_limited") return { error: "RATE_LIMITED", username };
      const cause = (e.cause as { err?: unknown } | undefined)?.err;
      return { error: cause && isDbUnavailable(cause) ? "DB_UNAVAILABLE" : "INVALID_CREDENTIALS", username };
    }
    throw e;
  }
  redirect(await landingAfterSignIn(username));
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
