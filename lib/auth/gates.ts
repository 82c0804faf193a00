import "server-only";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/db/enums";
import { auth } from "./auth";
import { isMinistry, type SessionUser } from "./roles";
import { scopeFor, type AuthorityScope } from "./scope";

/**
 * The gates. Every console page, action and route handler calls one — never only a layout or
 * middleware (server actions do not pass through layouts).
 *  - `get*` variants throw AppError (for actions and route handlers: caught into `{ ok:false, code }`).
 *  - `require*` variants are for pages: redirect to sign-in, or render the 403 page.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session?.user?.id ? session.user : null;
}

export async function getUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

export async function getRole(...allowed: Role[]): Promise<SessionUser> {
  const user = await getUser();
  if (!allowed.includes(user.role)) throw new AppError("FORBIDDEN");
  return user;
}

/** The authority scope a user may act in; a province officer asking for another authority is refused. */
export function getAuthorityScope(user: SessionUser, requested?: string | null): AuthorityScope {
  const scope = scopeFor(user, requested);
  if (!scope) throw new AppError("FORBIDDEN");
  return scope;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
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
