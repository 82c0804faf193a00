/**
 * The child process of tests/integration/import-killed.test.ts (run with
 * `tsx --conditions=react-server`): confirms an import job through the real commit mutation
 * (lib/imports/mutations.ts commitImport) against DATABASE_URL or DATA_DIR. The engine is tapped:
 * when the transaction sends its second bulk INSERT of schools (a thousand rows are already
 * written inside it), the child prints IN_TRANSACTION and waits there, so that the parent's
 * SIGKILL lands while the commit's transaction is open. Environment: JOB_ID, ACTOR_ID,
 * AUTHORITY_ID (the importer's scope).
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { systemScope } from "@/lib/auth/scope";
import { setDbClient } from "@/lib/db/client";
import { openEngine, resolveTarget } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { runWrite } from "@/lib/db/unit-of-work";
import { commitImport, IMPORT_TIMEOUT_MS } from "@/lib/imports/mutations";

let schoolInserts = 0;

async function watch(sql: string) {
  if (!/^INSERT INTO "School" /.test(sql)) return;
  schoolInserts += 1;
  if (schoolInserts === 2) {
    process.stdout.write("IN_TRANSACTION\n");
    await new Promise((r) => setTimeout(r, 60_000));
  }
}

function tapTransaction(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "executeRaw" || prop === "queryRaw") {
        return async (q: { sql: string }) => {
          await watch(q.sql);
          return (value as (q: unknown) => Promise<unknown>).call(target, q);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function tapAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "startTransaction") {
        return async (...args: unknown[]) => tapTransaction(await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function tapFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "connect") return async () => tapAdapter(await target.connect());
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function main() {
  const engine = openEngine(resolveTarget(env()));
  setDbClient(new PrismaClient({ adapter: tapFactory(engine.factory) }), engine);
  const { JOB_ID, ACTOR_ID, AUTHORITY_ID } = process.env;
  const actor = { id: ACTOR_ID!, label: ACTOR_ID!, role: null, authorityId: null };
  await runWrite({ actor, scope: systemScope(AUTHORITY_ID || null), source: "import" }, (ctx) => commitImport(ctx, JOB_ID!), { timeout: IMPORT_TIMEOUT_MS });
  // Reaching this line means the kill came too late: the parent fails the test.
  process.stdout.write(`FINISHED ${JSON.stringify({ ok: true })}\n`);
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`child failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
