import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

/**
 * A password set in two halves, each known to a different person and hashed on its own (dual
 * control of privileged accounts, docs/decisions/0052): "split:<length of the first half>:<hash of
 * the first half>:<hash of the second half>". The account signs in with both halves typed one
 * after the other, and must replace the password at once (mustChangePassword).
 */
const SPLIT = /^split:(\d{1,3}):(\$2[aby]\$[^:]+):(\$2[aby]\$[^:]+)$/;

export function splitHash(firstLength: number, firstHash: string, secondHash: string): string {
  return `split:${firstLength}:${firstHash}:${secondHash}`;
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  const split = SPLIT.exec(hash);
  if (!split) return bcrypt.compare(plain, hash);
  const n = Number(split[1]);
  // Both halves are always checked: a wrong first half takes as long as a wrong second one.
  const [first, second] = await Promise.all([bcrypt.compare(plain.slice(0, n), split[2]), bcrypt.compare(plain.slice(n), split[3])]);
  return first && second;
}

/** Compared against when the user does not exist, so timing does not reveal unknown usernames. */
export const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKxGhuQdS3J6Yx7eC6mYfWY0mD5p2t4ZyM5mu";
