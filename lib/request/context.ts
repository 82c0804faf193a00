import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { currentUser } from "@/lib/auth/gates";
import type { SessionUser } from "@/lib/auth/roles";
import { clock, shanghaiToday } from "@/lib/kernel/dates";
import { scopeFor, type AuthorityScope } from "@/lib/auth/scope";
import { actorOf, type Actor } from "./actor";
import { addressOf } from "./client-address";
import { originOf } from "./public-origin";

/**
 * THE request context, made once per request: who is asking (the session user, the actor the
 * audit log names, the authority scope), from which address (one trusted-proxy rule), under
 * which public origin, and what "now" and "today" (Asia/Shanghai) are. Actions get it through
 * lib/actions/define.ts; loaders and route handlers call `requestContext()`, or `publicRequest()`
 * where the session does not matter (public pages: no session lookup). Nothing else reads these headers.
 */
export type PublicRequest = {
  clientAddress: string;
  publicOrigin: string;
  now: Date;
  today: string;
  /** This response's CSP nonce (proxy.ts sets it): every script element a page writes carries it. */
  nonce: string | undefined;
};

export type RequestContext = PublicRequest & {
  user: SessionUser | null;
  actor: Actor | null;
  /** The authorities the user may read and write; null for a caller without any (signed out, expert, administrators). */
  scope: AuthorityScope | null;
};

export const publicRequest = cache(async (): Promise<PublicRequest> => {
  const h = await headers();
  const now = clock.now();
  return { clientAddress: addressOf(h), publicOrigin: originOf(h), now, today: shanghaiToday(now), nonce: h.get("x-nonce") ?? undefined };
});

export const requestContext = cache(async (): Promise<RequestContext> => {
  const [base, user] = await Promise.all([publicRequest(), currentUser()]);
  return { ...base, user, actor: user ? actorOf(user) : null, scope: user ? scopeFor(user) : null };
});
