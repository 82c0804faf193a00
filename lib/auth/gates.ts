import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { PASSWORD_PAGE } from "@/lib/accounts/landing";
import { resolveSessionUser } from "@/lib/accounts/session-check";
import { Refusal } from "@/lib/errors";
import { auth } from "./auth";
import { REQUESTED_PATH_HEADER, signInPathFor } from "./callback";
import { may, POLICY, type GatedName, type SignedInName } from "./policy";
import type { SessionUser } from "./roles";
import { scopeFor, type AuthorityScope } from "./scope";

/**
 * The gates. Every console page (through its loader), action and route handler calls one — never
 * only a layout or middleware (server actions do not pass through layouts). Who passes is the
 * row of the policy table (lib/auth/policy.ts): `authorize(row)` for actions and route handlers,
 * `requirePolicy(row)` for page loaders.
 *  - `get*` / `authorize` throw Refusal (for actions and route handlers: caught into `{ ok:false, code }`).
 *  - `require*` are for pages: redirect to sign-in or to the password page, or render the 403 page.
 * All of them go through currentUser(), which checks the session row (idle and total timeout,
 * sign-out, disabled account). A user who must change their password passes only the
 * "signed-in" rows (the password page and its actions) and the console shell's `requireSignedIn`.
 */

/** The signed-in user of this request, or null (one indexed lookup, once per request). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id) return null;
  return resolveSessionUser(claims);
});

/** Signed in, even if a password change is due (the password page, its action, the console shell). */
export async function getSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new Refusal("UNAUTHENTICATED");
  return user;
}

export async function getUser(): Promise<SessionUser> {
  const user = await getSignedIn();
  if (user.mustChangePassword) throw new Refusal("FORBIDDEN", { reason: "PASSWORD_CHANGE_REQUIRED" });
  return user;
}

/**
 * The gate of a server action or route handler: its row in the policy table (lib/auth/policy.ts).
 * "signed-in" rows let a pending password change through; role rows refuse every role they do
 * not list. The row's authority rule is then enforced by getAuthorityScope and the data layer.
 */
export async function authorize(name: GatedName | SignedInName): Promise<SessionUser> {
  const rule = POLICY[name];
  if (rule === "signed-in") return getSignedIn();
  const user = await getUser();
  if (!may(user, name)) throw new Refusal("FORBIDDEN");
  return user;
}

/** The authority scope a user may act in; a province officer asking for another authority is refused. */
export function getAuthorityScope(user: SessionUser, requested?: string | null): AuthorityScope {
  const scope = scopeFor(user, requested);
  if (!scope) throw new Refusal("FORBIDDEN");
  return scope;
}

export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  // Back to the page asked for after signing in (lib/auth/callback.ts: console paths only).
  if (!user) redirect(signInPathFor((await headers()).get(REQUESTED_PATH_HEADER)));
  return user;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  return user;
}

/**
 * The gate of a page loader: its row in the policy table, as its first step. Signed out → the
 * sign-in page; a pending password change → the password page (except on "signed-in" rows);
 * a role the row does not list → 403. The row's authority rule is then enforced by
 * requireAuthorityScope and the data layer ("own"), or by the loader itself ("assigned", "self").
 */
export async function requirePolicy(name: GatedName | SignedInName): Promise<SessionUser> {
  if (POLICY[name] === "signed-in") return requireSignedIn();
  const user = await requireUser();
  if (!may(user, name)) forbidden();
  return user;
}

export function requireAuthorityScope(user: SessionUser, requested?: string | null): AuthorityScope {
  const scope = scopeFor(user, requested);
  if (!scope) forbidden();
  return scope;
}
