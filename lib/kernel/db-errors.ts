/**
 * THE mapping of database errors, for both engines (PGlite and PostgreSQL). Rely on Prisma's
 * `code` only: `meta` differs between the adapters (stack-notes: "Error meta differs").
 */
const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? "");

/** A unique index refused the row (P2002): a concurrent write won the race for the same value. */
export function isUniqueViolation(e: unknown): boolean {
  return codeOf(e) === "P2002";
}

/** A foreign key refused the row (P2003): what it points at is gone. */
export function isForeignKeyViolation(e: unknown): boolean {
  return codeOf(e) === "P2003";
}

/** The record to update or delete does not exist (P2025). */
export function isRecordNotFound(e: unknown): boolean {
  return codeOf(e) === "P2025";
}

/** Connection failures from either engine: the database is down, not the user's mistake. */
export function isDbUnavailable(e: unknown): boolean {
  const s = `${codeOf(e)} ${(e as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|P1001|P1017|Connection terminated|DatabaseNotReachable|Can't reach database server|timeout exceeded when trying to connect/i.test(
    s,
  );
}
