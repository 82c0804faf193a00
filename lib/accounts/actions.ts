"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { signOut } from "@/lib/auth/auth";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse, Refusal } from "@/lib/errors";
import { landingFor } from "./landing";
import { createAccount, endAccountSessions, resetAccountPassword, setAccountDisabled, updateSecurityPolicy } from "./mutations";
import { changeOwnPassword } from "./password/mutations";
import { securityPolicySchema } from "./policy";
import { accountIdSchema, changePasswordSchema, createAccountSchema, setDisabledSchema } from "./schema";
import { endAllSessions } from "./sessions/mutations";

const accountPage = (input: { id: string }) => [`/console/accounts/${input.id}`];

/**
 * Creates an account with a one-time password (shown once; changed at the first sign-in). The
 * direct actions below refuse a privileged account (FORBIDDEN, reason DUAL_CONTROL): those take a
 * request and another person's approval (./requests/actions.ts, docs/decisions/0052).
 */
export const createAccountAction = defineAction({
  policy: "createAccountAction",
  input: createAccountSchema,
  run: createAccount,
  onDuplicate: async () => ({ username: [{ key: "usernameTaken" }] }),
  revalidate: ["/console/accounts"],
});

export const setAccountDisabledAction = defineAction({
  policy: "setAccountDisabledAction",
  input: setDisabledSchema,
  run: setAccountDisabled,
  revalidate: accountPage,
});

export const resetAccountPasswordAction = defineAction({
  policy: "resetAccountPasswordAction",
  input: accountIdSchema,
  run: resetAccountPassword,
  revalidate: accountPage,
});

/** The system administrator signs a user out of every session (e.g. a lost laptop). */
export const endAccountSessionsAction = defineAction({
  policy: "endAccountSessionsAction",
  input: accountIdSchema,
  run: endAccountSessions,
  revalidate: accountPage,
});

/** The security administrator saves the policy (values can only tighten the baseline). */
export const updateSecurityPolicyAction = defineAction({
  policy: "updateSecurityPolicyAction",
  input: securityPolicySchema,
  run: updateSecurityPolicy,
  revalidate: ["/console/security-policy"],
});

/** The signed-in caller's own id (a "signed-in" row always has one). */
function ownId(ctx: WriteContext): string {
  return ctx.actor.id ?? refuse("UNAUTHENTICATED");
}

// The two own-account actions below end in a redirect, which the action contract does not do:
// each is the contract's action plus the redirect its page expects.
const changePassword = defineAction({
  policy: "changeOwnPasswordAction",
  input: changePasswordSchema.and(z.object({ keepSession: z.string().optional() })),
  // The session the change is made in stays open: the caller's own, never one the form names.
  prepare: (raw, user) => ({ ...raw, keepSession: user?.sessionId }),
  run: async (ctx, input) => {
    await changeOwnPassword(ctx, input);
    return { landing: landingFor({ role: ctx.actor.role ?? refuse("UNAUTHENTICATED") }) };
  },
});

/**
 * A user's own password change — also the forced one, so it passes the must-change gate. On
 * success the user goes on to their first page; a lockout from wrong current passwords has ended
 * this session too, so it goes to the sign-in page.
 */
export async function changeOwnPasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<{ changed: true }>> {
  const res = await changePassword(form);
  if (res.ok) redirect(res.data.landing);
  if (res.code === "UNAUTHENTICATED") redirect("/sign-in");
  return res;
}

const endOwnSessions = defineAction({ policy: "signOutEverywhereAction", input: z.object({}), run: (ctx) => endAllSessions(ctx, { userId: ownId(ctx) }) });

/**
 * "Sign out of all sessions" — this one included. A session that has already ended goes to the
 * sign-in page rather than an error; any other failure (the database) has no place on the
 * button to show it, so it reaches the error page, as a thrown refusal.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const res = await endOwnSessions({});
  if (!res.ok && res.code === "UNAUTHENTICATED") redirect("/sign-in");
  if (!res.ok) throw new Refusal(res.code);
  await signOut({ redirectTo: "/sign-in" });
}
