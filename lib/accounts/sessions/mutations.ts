import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import { TOUCH_INTERVAL_MS } from "./rules";

type Actor = { id: string | null; label: string };

/** Marks the session as used now, at most once a minute (the condition makes concurrent touches one write). */
export async function touchSession(id: string, now: Date): Promise<void> {
  await db().userSession.updateMany({
    where: { id, lastSeenAt: { lte: new Date(now.getTime() - TOUCH_INTERVAL_MS) }, revokedAt: null },
    data: { lastSeenAt: now },
  });
}

/** Sign-out: the session row is revoked, so the token that names it no longer opens anything. */
export async function endSession(id: string, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    const s = await tx.userSession.findUnique({
      where: { id },
      select: { userId: true, revokedAt: true, user: { select: { displayName: true, authorityId: true } } },
    });
    if (!s || s.revokedAt) return;
    await tx.userSession.update({ where: { id }, data: { revokedAt: now }, select: { id: true } });
    await recordAudit(tx, {
      actor: { id: s.userId, label: s.user.displayName },
      action: "auth.sign_out",
      entityType: "User",
      entityId: s.userId,
      authorityId: s.user.authorityId,
      after: { sessionId: id },
    });
  });
}

/**
 * Ends a user's sessions inside the caller's transaction. `keep` spares one session (a password
 * change keeps the session it was made in); without it, `sessionsValidAfter` moves to now as well,
 * so that even a session row missed here is refused by the gates.
 */
export async function revokeSessions(tx: Tx, userId: string, now: Date, keep?: string): Promise<number> {
  if (!keep) await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: now }, select: { id: true } });
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

/** "Sign out of all sessions", the current one included. */
export async function endAllSessions(userId: string, actor: Actor, now: Date): Promise<number> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { authorityId: true } });
    const count = await revokeSessions(tx, userId, now);
    await recordAudit(tx, {
      actor,
      action: "auth.sign_out_all",
      entityType: "User",
      entityId: userId,
      authorityId: user.authorityId,
      after: { sessions: count },
    });
    return count;
  });
}
