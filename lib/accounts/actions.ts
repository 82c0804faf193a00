"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { parseInput, runAction, type ActionResult } from "@/lib/actions/result";
import { signOut } from "@/lib/auth/auth";
import { authorize } from "@/lib/auth/gates";
import { Refusal } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { addressOf } from "@/lib/request/client-address";
import { clock } from "./clock";
import { landingFor } from "./landing";
import { createAccount, resetAccountPassword, setAccountDisabled, updateSecurityPolicy } from "./mutations";
import { changeOwnPassword } from "./password/mutations";
import { securityPolicySchema } from "./policy";
import { accountIdSchema, changePasswordSchema, createAccountSchema, setDisabledSchema } from "./schema";
import { endAllSessions } from "./sessions/mutations";

const actorOf = (u: SessionUser) => ({ id: u.id, label: u.displayName || u.username });

async function requestIp(): Promise<string> {
  return addressOf(await headers());
}

/** Creates an account with a one-time password (shown once; changed at the first sign-in). */
export async function createAccountAction(
  _prev: ActionResult<{ id: string; username: string; temporaryPassword: string }> | null,
  form: FormData,
): Promise<ActionResult<{ id: string; username: string; temporaryPassword: string }>> {
  return runAction(async () => {
    const admin = await authorize("createAccountAction");
    const input = parseInput(createAccountSchema, form);
    const res = await createAccount(actorOf(admin), input);
    if (res.ok) revalidatePath("/console/accounts");
    return res;
  });
}

export async function setAccountDisabledAction(form: FormData): Promise<ActionResult<{ id: string; disabled: boolean }>> {
  return runAction(async () => {
    const admin = await authorize("setAccountDisabledAction");
    const { id, disabled } = parseInput(setDisabledSchema, form);
    const res = await setAccountDisabled(actorOf(admin), id, disabled, clock.now());
    if (res.ok) revalidatePath(`/console/accounts/${id}`);
    return res;
  });
}

export async function resetAccountPasswordAction(form: FormData): Promise<ActionResult<{ id: string; temporaryPassword: string }>> {
  return runAction(async () => {
    const admin = await authorize("resetAccountPasswordAction");
    const { id } = parseInput(accountIdSchema, form);
    const res = await resetAccountPassword(actorOf(admin), id, clock.now());
    if (res.ok) revalidatePath(`/console/accounts/${id}`);
    return res;
  });
}

/** The system administrator signs a user out of every session (e.g. a lost laptop). */
export async function endAccountSessionsAction(form: FormData): Promise<ActionResult<{ ended: number }>> {
  return runAction(async () => {
    const admin = await authorize("endAccountSessionsAction");
    const { id } = parseInput(accountIdSchema, form);
    const ended = await endAllSessions(id, actorOf(admin), clock.now());
    revalidatePath(`/console/accounts/${id}`);
    return { ended };
  });
}

/** The security administrator saves the policy (values can only tighten the baseline). */
export async function updateSecurityPolicyAction(_prev: ActionResult<{ changed: number }> | null, form: FormData): Promise<ActionResult<{ changed: number }>> {
  return runAction(async () => {
    const admin = await authorize("updateSecurityPolicyAction");
    const values = parseInput(securityPolicySchema, form);
    const res = await updateSecurityPolicy(actorOf(admin), values);
    if (res.ok) revalidatePath("/console/security-policy");
    return res;
  });
}

/**
 * A user's own password change — also the forced one, so it passes the must-change gate. On
 * success the user goes on to their first page.
 */
export async function changeOwnPasswordAction(_prev: ActionResult<{ changed: true }> | null, form: FormData): Promise<ActionResult<{ changed: true }>> {
  let user: SessionUser | undefined;
  const res = await runAction(async () => {
    user = await authorize("changeOwnPasswordAction");
    const input = parseInput(changePasswordSchema, form);
    return changeOwnPassword(user, input, await requestIp(), clock.now());
  });
  if (res.ok && user) redirect(landingFor({ role: user.role }));
  // A lockout from wrong current passwords has ended this session too.
  if (!res.ok && res.code === "UNAUTHENTICATED") redirect("/sign-in");
  return res;
}

/** "Sign out of all sessions" — this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  // A session that has already ended goes to the sign-in page rather than an error page.
  const user = await authorize("signOutEverywhereAction").catch((e: unknown) => {
    if (e instanceof Refusal && e.code === "UNAUTHENTICATED") redirect("/sign-in");
    throw e;
  });
  await endAllSessions(user.id, actorOf(user), clock.now());
  await signOut({ redirectTo: "/sign-in" });
}
