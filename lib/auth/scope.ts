import { Refusal } from "@/lib/errors";
import { isMinistry, type SessionUser } from "./roles";

declare const scopeBrand: unique symbol;

/**
 * Which authorities a query may touch. Only the gates produce one (the brand makes a hand-built
 * object a type error), so no data function reaches another province's rows without a gate.
 * `authorityId: null` means every authority (ministry roles only).
 */
export type AuthorityScope = { readonly authorityId: string | null; readonly [scopeBrand]: true };

export function scopeFor(user: SessionUser, requested?: string | null): AuthorityScope | null {
  if (isMinistry(user.role) || user.role === "AUDITOR") {
    return { authorityId: requested || null } as AuthorityScope;
  }
  if (user.role === "PROVINCE_OFFICER" && user.authorityId) {
    if (requested && requested !== user.authorityId) return null;
    return { authorityId: user.authorityId } as AuthorityScope;
  }
  return null;
}

/** For scripts, seed and tests that act for the whole registry outside a request. */
export function systemScope(authorityId: string | null = null): AuthorityScope {
  return { authorityId } as AuthorityScope;
}

/** The scope as a Prisma `where` fragment for rows with an `authorityId` (every authority: no condition). */
export function inScope(scope: AuthorityScope): { authorityId?: string } {
  return scope.authorityId ? { authorityId: scope.authorityId } : {};
}

/** FORBIDDEN when the scope does not cover `authorityId` (an officer naming another province). */
export function assertInScope(scope: AuthorityScope, authorityId: string) {
  if (scope.authorityId && scope.authorityId !== authorityId) throw new Refusal("FORBIDDEN");
}
