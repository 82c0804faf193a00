import type { SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/kernel/enums";

/**
 * THE actor: who does something, as every write and the audit log name them. One label rule
 * (the display name, else the user name) so that the history reads the same whichever domain wrote it.
 * `role: null` is the system (seed, scripts, scheduled work) or the public (objections, reports).
 */
export type Actor = { id: string | null; label: string; role: Role | null; authorityId: string | null };

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, label: user.displayName || user.username, role: user.role, authorityId: user.authorityId };
}

/** Work nobody signed in for: the seed, a script, a scheduled job. */
export function systemActor(label = "system"): Actor {
  return { id: null, label, role: null, authorityId: null };
}

/** A member of the public (an objection during a notice, an error report). */
export const PUBLIC_ACTOR: Actor = { id: null, label: "public", role: null, authorityId: null };
