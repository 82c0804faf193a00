import "server-only";
import { recordAudit, recordAudits, type AuditInput, type AuditSource } from "@/lib/audit/mutations";
import type { AuthorityScope } from "@/lib/auth/scope";
import { clock, shanghaiToday } from "@/lib/kernel/dates";
import type { Actor } from "@/lib/request/actor";
import { UNKNOWN_ADDRESS } from "@/lib/request/client-address";
import { Refusal } from "@/lib/errors";
import type { Issue } from "@/lib/validation/issues";
import { db, type Tx } from "./client";

/**
 * THE write contract. Every mutation is `(ctx: WriteContext, input)`: it reads and writes through
 * `ctx.tx` (one transaction: all or nothing), refuses by throwing a Refusal (lib/errors.ts), and
 * records its audit events with `ctx.audit`, which names the actor, the source and the address
 * the same way for every domain. `runWrite` opens the transaction and builds the context; the
 * action definer (lib/actions/define.ts) calls it for actions, scripts and tests call it directly.
 */
export type AuditEvent = Omit<AuditInput, "actor" | "source" | "clientAddress">;
export type Warning = Issue & { field: string };

export type WriteContext = {
  readonly tx: Tx;
  readonly actor: Actor;
  /** The authorities this write may touch; FORBIDDEN for a caller without one (an expert, an administrator). */
  readonly scope: AuthorityScope;
  readonly now: Date;
  /** YYYY-MM-DD in Asia/Shanghai at `now`. */
  readonly today: string;
  readonly clientAddress: string;
  readonly source: AuditSource;
  audit(event: AuditEvent): Promise<void>;
  auditMany(events: AuditEvent[]): Promise<void>;
  /** A warning shown with the success (a figure below the setting standard…); never blocks the write. */
  warn(warning: Warning): void;
  /**
   * Work to do once the transaction has committed (an e-mail, a wake-up call): never run when the
   * write is rolled back or refused, and its failure is logged, never reported as the write's.
   */
  afterCommit(task: () => Promise<void> | void): void;
  /** What this context was made from: for work that opens transactions of its own (`runWrite(ctx.base, …)`). */
  readonly base: WriteBase;
};

export type WriteBase = {
  actor: Actor;
  scope: AuthorityScope | null;
  now?: Date;
  clientAddress?: string;
  source?: AuditSource;
};

export type WriteOptions = {
  /** Interactive-transaction timeout (ms); a confirmed import needs long. */
  timeout?: number;
  /** false: no transaction of its own (work that must outlive a refusal, or that opens its own). */
  transaction?: boolean;
};

export type Written<T> = { data: T; warnings: Warning[] };

export function writeContext(tx: Tx, base: WriteBase, warnings: Warning[] = [], committed: AfterCommit[] = []): WriteContext {
  const now = base.now ?? clock.now();
  const source = base.source ?? "web";
  const clientAddress = base.clientAddress ?? UNKNOWN_ADDRESS;
  const stamp = (e: AuditEvent): AuditInput => ({ ...e, actor: base.actor, source, clientAddress: base.clientAddress ?? null });
  return {
    tx,
    actor: base.actor,
    get scope(): AuthorityScope {
      if (!base.scope) throw new Refusal("FORBIDDEN");
      return base.scope;
    },
    now,
    today: shanghaiToday(now),
    clientAddress,
    source,
    audit: (e) => recordAudit(tx, stamp(e)),
    auditMany: (events) => recordAudits(tx, events.map(stamp)),
    warn: (w) => void warnings.push(w),
    afterCommit: (task) => void committed.push(task),
    base,
  };
}

/** Marks a refusal whose writes must stay (a counted attempt) so the transaction commits first. */
class Kept {
  constructor(readonly refusal: Refusal) {}
}

type AfterCommit = () => Promise<void> | void;

async function runCommitted(tasks: AfterCommit[]): Promise<void> {
  for (const task of tasks) {
    try {
      await task();
    } catch (e) {
      console.error("after-commit task failed", e);
    }
  }
}

export async function runWrite<T>(base: WriteBase, fn: (ctx: WriteContext) => Promise<T>, opts: WriteOptions = {}): Promise<Written<T>> {
  const warnings: Warning[] = [];
  const committed: AfterCommit[] = [];
  if (opts.transaction === false) {
    const data = await fn(writeContext(db(), base, warnings, committed));
    await runCommitted(committed);
    return { data, warnings };
  }
  const out = await db().$transaction(
    async (tx) => {
      try {
        return await fn(writeContext(tx, base, warnings, committed));
      } catch (e) {
        if (e instanceof Refusal && e.keepWrites) return new Kept(e);
        throw e;
      }
    },
    { timeout: opts.timeout ?? 15_000, maxWait: 20_000 },
  );
  await runCommitted(committed);
  if (out instanceof Kept) throw out.refusal;
  return { data: out, warnings };
}
