/**
 * THE mapping of database errors, for both engines (PGlite and PostgreSQL). Rely on Prisma's
 * `code` only: `meta` differs between the adapters (stack-notes: "Error meta differs").
 */
const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? "");

/** What a driver adapter reports under a failed raw query (P2010): a normalised kind and PostgreSQL's SQLSTATE. */
function adapterCause(e: unknown): { kind?: string; originalCode?: string } {
  return (e as { meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } })?.meta?.driverAdapterError?.cause ?? {};
}

/**
 * A unique index refused the row: a concurrent write won the race for the same value. P2002 from
 * Prisma's queries; from a raw statement (the bulk inserts) P2010 with SQLSTATE 23505.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (codeOf(e) === "P2002") return true;
  const cause = adapterCause(e);
  return codeOf(e) === "P2010" && (cause.kind === "UniqueConstraintViolation" || cause.originalCode === "23505");
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
