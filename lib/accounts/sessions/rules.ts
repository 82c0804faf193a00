/**
 * Why a session is no longer valid, or null when it is. Pure, so that the timeouts are tested
 * without a clock: idle = no request for `idleMinutes`; total = past `expiresAt` (set at sign-in).
 */
export type SessionFacts = {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  idleMinutes: number;
  revokedAt: Date | null;
  user: { disabled: boolean; sessionsValidAfter: Date | null };
};

export type SessionRefusal = "revoked" | "expired" | "idle" | "signed_out_everywhere" | "disabled";

/** How often a gate writes lastSeenAt: idle time is therefore known to within this. */
export const TOUCH_INTERVAL_MS = 60_000;

export function sessionRefusal(s: SessionFacts, now: Date): SessionRefusal | null {
  if (s.revokedAt) return "revoked";
  if (s.user.disabled) return "disabled";
  if (s.user.sessionsValidAfter && s.createdAt < s.user.sessionsValidAfter) return "signed_out_everywhere";
  if (now >= s.expiresAt) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= s.idleMinutes * 60_000) return "idle";
  return null;
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
