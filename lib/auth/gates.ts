import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { PASSWORD_PAGE } from "@/lib/accounts/landing";
import { resolveSessionUser } from "@/lib/accounts/session-check";
import { Refusal } from "@/lib/errors";
import type { Role } from "@/lib/kernel/enums";
import { auth } from "./auth";
import { POLICY, type GatedName, type SignedInName } from "./policy";
import { isMinistry, type SessionUser } from "./roles";
import { scopeFor, type AuthorityScope } from "./scope";

/**
 * The gates. Every console page, action and route handler calls one — never only a layout or
 * middleware (server actions do not pass through layouts).
 *  - `get*` variants throw Refusal (for actions and route handlers: caught into `{ ok:false, code }`).
 *  - `require*` variants are for pages: redirect to sign-in, or render the 403 page.
 * All of them go through currentUser(), which checks the session row (idle and total timeout,
 * sign-out, disabled account). A user who must change their password passes only the
 * `*SignedIn` gates, which the password page and the console shell use.
 */
export { PASSWORD_PAGE };

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

export async function getRole(...allowed: Role[]): Promise<SessionUser> {
  const user = await getUser();
  if (!allowed.includes(user.role)) throw new Refusal("FORBIDDEN");
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
  if (!Object.hasOwn(rule, user.role)) throw new Refusal("FORBIDDEN");
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
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  return user;
}

export async function requireRole(...allowed: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!allowed.includes(user.role)) forbidden();
  return user;
}

export function requireAuthorityScope(user: SessionUser, requested?: string | null): AuthorityScope {
  const scope = scopeFor(user, requested);
  if (!scope) forbidden();
  return scope;
}

export { isMinistry };
