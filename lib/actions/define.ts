import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorize } from "@/lib/auth/gates";
import { POLICY, type ActionName } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeFor } from "@/lib/auth/scope";
import type { AuditSource } from "@/lib/audit/mutations";
import { rememberWrite } from "@/lib/db/replica-cookie";
import { runWrite, type WriteContext, type WriteOptions } from "@/lib/db/unit-of-work";
import { Refusal } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/kernel/db-errors";
import { actorOf, PUBLIC_ACTOR } from "@/lib/request/actor";
import { publicRequest } from "@/lib/request/context";
import type { FieldIssues } from "@/lib/validation/issues";
import { formDataToObject, parseInput, runAction, type ActionResult } from "./result";

/**
 * THE action contract (after Rallly's action client). `defineAction` turns a policy row, an input
 * schema and a handler into a server action that, in this order:
 *  1. gates with the row (lib/auth/policy.ts) — before reading the input, so a caller who may
 *     not call it learns nothing about what it expects;
 *  2. parses the input with the schema (FormData or an object; NUL refused as a field issue);
 *  3. runs the handler `(ctx, input)` in one transaction with the write context (actor, scope,
 *     now/today, client address, ctx.audit) — lib/db/unit-of-work.ts;
 *  4. revalidates the pages the write changed;
 *  5. turns a Refusal (and a lost unique race, and a database outage) into `{ ok: false, code }`.
 * Export it from a "use server" file: `export const fooAction = defineAction({ … })`.
 */
export type ActionInput = FormData | Record<string, unknown>;
type Path = string | { path: string; type: "layout" | "page" };

export type ActionDefinition<S extends z.ZodType, T> = {
  /** The row of lib/auth/policy.ts that says who may call it (usually the action's own name). */
  policy: ActionName;
  input: S;
  /** Fills what the caller's identity decides before parsing (an officer's own authority). */
  prepare?: (raw: Record<string, unknown>, user: SessionUser | null) => Record<string, unknown>;
  run: (ctx: WriteContext, input: z.output<S>) => Promise<T>;
  /** Pages to revalidate after a successful write. */
  revalidate?: Path[] | ((input: z.output<S>, data: T) => Path[]);
  /** Names the field a lost unique race was about (read after the rollback, outside the transaction). */
  onDuplicate?: (input: z.output<S>) => Promise<FieldIssues>;
  /** What the audit log records as the source of the write ("web" unless said). */
  source?: AuditSource;
} & WriteOptions;

/** Called with the input, or by useActionState with (previous state, form data): the last argument is the input. */
export type Action<T> = {
  (input: ActionInput): Promise<ActionResult<T>>;
  (previous: unknown, input: ActionInput): Promise<ActionResult<T>>;
};

export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>): Action<T> {
  return (...args: unknown[]) =>
    runAction(async () => {
      const raw = args[args.length - 1] as ActionInput;
      const user = POLICY[def.policy] === "public" ? null : await authorize(def.policy as never);
      const object = raw instanceof FormData ? formDataToObject(raw) : { ...(raw ?? {}) };
      const input = parseInput(def.input, def.prepare ? def.prepare(object, user) : object);
      let written;
      try {
        written = await writeAs(user, (ctx) => def.run(ctx, input), def);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw new Refusal("DUPLICATE", undefined, def.onDuplicate ? await def.onDuplicate(input) : undefined);
      }
      const paths = typeof def.revalidate === "function" ? def.revalidate(input, written.data) : (def.revalidate ?? []);
      for (const p of paths) {
        if (typeof p === "string") revalidatePath(p);
        else revalidatePath(p.path, p.type);
      }
      return { ok: true, data: written.data, ...(written.warnings.length ? { warnings: written.warnings } : {}) } as ActionResult<T>;
    });
}

/**
 * Runs a write for the caller of this request (a gated route handler, e.g. an upload): the actor,
 * the authority scope, the client address and "now" of the request context — the same base every
 * action gets. Once it has committed, the caller's next pages read their own write even from a
 * lagging replica (lib/db/replica-cookie.ts, decision 0073).
 */
export async function writeAs<T>(user: SessionUser | null, fn: (ctx: WriteContext) => Promise<T>, opts: WriteOptions & { source?: AuditSource } = {}) {
  const request = await publicRequest();
  const base = {
    actor: user ? actorOf(user) : PUBLIC_ACTOR,
    scope: user ? scopeFor(user) : null,
    now: request.now,
    clientAddress: request.clientAddress,
    source: opts.source,
  };
  const written = await runWrite(base, fn, opts);
  await rememberWrite();
  return written;
}
