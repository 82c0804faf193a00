import "server-only";
import { db } from "@/lib/db/client";

/** One primary-key lookup (with its user) per gated request. */
export async function findSession(id: string) {
  return db().userSession.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      idleMinutes: true,
      revokedAt: true,
      user: {
        select: { username: true, displayName: true, role: true, authorityId: true, disabled: true, mustChangePassword: true, sessionsValidAfter: true },
      },
    },
  });
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;
