import "server-only";
import { db } from "@/lib/db/client";
import type { WriteContext } from "@/lib/db/unit-of-work";
import { refuse } from "@/lib/errors";
import { TOUCH_INTERVAL_MS } from "./rules";

/**
 * Session rows: sign-out, "sign out of all sessions" and the revocation the account writes share.
 * Each write is `(ctx, input)` (lib/db/unit-of-work.ts) and audited with `ctx.audit`.
 */

/**
 * Marks the session as used now, at most once a minute (the condition makes concurrent touches one
 * write). Bookkeeping on the read path of every gated request, not an act of anyone's: no audit
 * event and no transaction of its own, so it stays one indexed UPDATE outside the write contract.
 */
export async function touchSession(id: string, now: Date): Promise<void> {
  await db().userSession.updateMany({
    where: { id, lastSeenAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) }, revokedAt: null },
    data: { lastSeenAt: now },
  });
}

/** Sign-out: the session row is revoked, so the token that names it no longer opens anything. */
export async function endSession(ctx: WriteContext, input: { sessionId: string }): Promise<void> {
  const s = await ctx.tx.userSession.findUnique({
    where: { id: input.sessionId },
    select: { userId: true, revokedAt: true, user: { select: { authorityId: true } } },
  });
  if (!s || s.revokedAt) return;
  await ctx.tx.userSession.update({ where: { id: input.sessionId }, data: { revokedAt: ctx.now }, select: { id: true } });
  await ctx.audit({ action: "auth.sign_out", entityType: "User", entityId: s.userId, authorityId: s.user.authorityId, after: { sessionId: input.sessionId } });
}

/**
 * Ends a user's sessions inside the caller's write. `keep` spares one session (a password change
 * keeps the session it was made in); without it, `sessionsValidAfter` moves to now as well, so
 * that even a session row missed here is refused by the gates.
 */
export async function revokeSessions(ctx: WriteContext, userId: string, keep?: string): Promise<number> {
  if (!keep) await ctx.tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: ctx.now }, select: { id: true } });
  const { count } = await ctx.tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: ctx.now },
  });
  return count;
}

/** "Sign out of all sessions" (the user's own, or the system administrator's for a lost laptop), the current one included. */
export async function endAllSessions(ctx: WriteContext, input: { userId: string; note?: Record<string, unknown> }): Promise<{ ended: number }> {
  const user = await ctx.tx.user.findUnique({ where: { id: input.userId }, select: { authorityId: true } });
  if (!user) refuse("NOT_FOUND");
  const ended = await revokeSessions(ctx, input.userId);
  await ctx.audit({
    action: "auth.sign_out_all",
    entityType: "User",
    entityId: input.userId,
    authorityId: user.authorityId,
    after: { sessions: ended, ...input.note },
  });
  return { ended };
}
