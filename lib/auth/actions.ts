"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "./auth";

export type SignInState = { error?: "INVALID_CREDENTIALS" | "REQUIRED"; username?: string };

/** Sign-in form action. Auth.js signals success by throwing a redirect, which must propagate. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!username || !password) return { error: "REQUIRED", username };
  try {
    await signIn("credentials", { username, password, redirectTo: "/console" });
    return {};
  } catch (e) {
    if (e instanceof AuthError) return { error: "INVALID_CREDENTIALS", username };
    throw e;
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
