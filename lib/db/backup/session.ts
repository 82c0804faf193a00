import type { Transaction } from "@prisma/driver-adapter-utils";
import type { OpenEngine } from "../engines";
import { SESSION_SETTINGS } from "./format";

/**
 * One transaction on either engine, through the Prisma driver adapter both engines already have
 * (node-postgres cannot COPY without pg-copy-streams; this needs only plain queries). Every value
 * is selected as text, so the adapters' type parsers never touch it.
 */
export type Sql = {
  /** Rows of text (or null) values; parameters are passed as text. */
  rows: (sql: string, params?: string[]) => Promise<(string | null)[][]>;
  run: (sql: string, params?: string[]) => Promise<number>;
};

export type TxMode = "read-only snapshot" | "read-write";

function wrap(tx: Transaction): Sql {
  const query = (sql: string, params: string[] = []) => ({
    sql,
    args: params,
    argTypes: params.map(() => ({ scalarType: "string" as const, arity: "scalar" as const })),
  });
  return {
    rows: async (sql, params) => (await tx.queryRaw(query(sql, params))).rows as (string | null)[][],
    run: (sql, params) => tx.executeRaw(query(sql, params)),
  };
}

/**
 * Runs fn in one transaction and commits; any error rolls everything back. The read-only mode is
 * REPEATABLE READ: one snapshot for the whole backup, consistent while the app keeps writing.
 */
export async function inTransaction<T>(engine: Pick<OpenEngine, "factory">, mode: TxMode, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const adapter = await engine.factory.connect();
  try {
    const tx = await adapter.startTransaction();
    // PostgreSQL's adapter leaves BEGIN/COMMIT to the caller after its own BEGIN; PGlite's wraps
    // the callback in its own transaction ("phantom" statements).
    const phantom = tx.options.usePhantomQuery;
    const sql = wrap(tx);
    let result: T;
    try {
      await sql.run(
        mode === "read-only snapshot" ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
      );
      const names = Object.keys(SESSION_SETTINGS);
      await sql.rows(
        `SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(", ")}`,
        names.flatMap((n) => [n, SESSION_SETTINGS[n]]),
      );
      result = await fn(sql);
    } catch (e) {
      if (!phantom) await sql.run("ROLLBACK").catch(() => {});
      await tx.rollback().catch(() => {});
      throw e;
    }
    if (!phantom) await sql.run("COMMIT");
    await tx.commit();
    return result;
  } finally {
    await adapter.dispose();
  }
}

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
