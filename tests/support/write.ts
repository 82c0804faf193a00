import { systemScope, type AuthorityScope } from "@/lib/auth/scope";
import type { AuditSource } from "@/lib/audit/mutations";
import { runWrite, type WriteContext, type WriteOptions } from "@/lib/db/unit-of-work";
import { failureOf, Refusal, type Failure } from "@/lib/errors";
import { systemActor, type Actor } from "@/lib/request/actor";

/**
 * Runs a mutation outside an action, as a script would (lib/db/unit-of-work.ts), and answers like
 * an action: `{ ok: true, data }` or the refusal as `{ ok: false, code, … }`.
 */
export async function write<T>(
  fn: (ctx: WriteContext) => Promise<T>,
  base: { actor?: Actor; scope?: AuthorityScope | null; now?: Date; source?: AuditSource } = {},
  opts: WriteOptions = {},
): Promise<{ ok: true; data: T } | Failure> {
  try {
    const scope = base.scope === undefined ? systemScope() : base.scope;
    const { data } = await runWrite({ actor: base.actor ?? systemActor("test"), scope, now: base.now, source: base.source }, fn, { timeout: 120_000, ...opts });
    return { ok: true, data };
  } catch (e) {
    if (e instanceof Refusal) return failureOf(e);
    throw e;
  }
}

export const actorNamed = (id: string, label: string): Actor => ({ id, label, role: null, authorityId: null });
