import "server-only";
import { db } from "@/lib/db/client";

/**
 * The administrators' and auditors' work: counts and the first rows, newest or most urgent first.
 * No person ids, no hashes: only what the inbox shows.
 */

/** Accounts locked out now (failed sign-ins); the lock's end is the row's due time. */
export async function lockedAccounts(now: Date, take: number) {
  const where = { lockedUntil: { gt: now } };
  const [count, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: [{ lockedUntil: "asc" }, { id: "asc" }],
      take,
      select: { id: true, username: true, displayName: true, lockedUntil: true },
    }),
  ]);
  return { count, rows };
}

/** Dual-control requests still open (pending and not past their expiry, as the request page reads them). */
export async function pendingAccountRequests(now: Date, take: number) {
  const where = { status: "PENDING" as const, expiresAt: { gt: now } };
  const [count, rows] = await Promise.all([
    db().accountRequest.count({ where }),
    db().accountRequest.findMany({
      where,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, kind: true, role: true, expiresAt: true, username: true, target: { select: { username: true } } },
    }),
  ]);
  return { count, rows };
}

/**
 * What the audit log flags for attention: refused sign-ins (the audit domain keeps no other flag),
 * since `since`, newest first.
 */
export const REFUSED_SIGN_IN = "auth.sign_in_failed";
export async function refusedSignIns(since: Date, take: number) {
  const where = { action: REFUSED_SIGN_IN, at: { gte: since } };
  const [count, rows] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take, select: { id: true, at: true, actorLabel: true, entityId: true } }),
  ]);
  return { count, rows };
}
