import type { SessionUser } from "@/lib/auth/roles";

/**
 * How a signed-in person is named in the import's audit events. Who may see and change school
 * records is the policy table (lib/auth/policy.ts: SCHOOL_READ, SCHOOL_WRITE). This file goes once
 * the import writes through the write contract (its actor is then ctx.actor, lib/request/actor.ts).
 */
export function actorOf(user: SessionUser) {
  return { id: user.id, label: user.displayName || user.username };
}
