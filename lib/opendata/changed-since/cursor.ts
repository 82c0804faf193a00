/**
 * The changedSince cursor: a position in the change log, (transaction id, audit event id), as an
 * opaque base64url token. Positions are ordered by xid then id (decision 0081); the token's
 * inside is not a promise to clients, only that passing it back continues where the answer ended.
 */
export type Position = { xid: bigint; id: string };

const INSIDE = /^(\d{1,20})\.([A-Za-z0-9_-]{0,40})$/;

export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.xid}.${p.id}`, "utf8").toString("base64url");
}

/** The position a token names, or null when it is not one this API handed out. */
export function decodeCursor(token: string): Position | null {
  if (!/^[A-Za-z0-9_-]{4,100}$/.test(token)) return null;
  const m = INSIDE.exec(Buffer.from(token, "base64url").toString("utf8"));
  return m ? { xid: BigInt(m[1]), id: m[2] } : null;
}

export const isCursor = (token: string) => decodeCursor(token) !== null;
