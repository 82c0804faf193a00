/**
 * Short public verification codes (/verify/<code>): 7 random characters and a check character,
 * from an alphabet without look-alikes (no 0/O, 1/I/L). The check is a position-weighted sum
 * modulo 31 (a prime, and the alphabet's size), so any single mistyped character and any swap of
 * two neighbours is detected before a lookup.
 */
export const PUBLIC_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PUBLIC_CODE_LENGTH = 8;

const N = PUBLIC_CODE_ALPHABET.length; // 31

export function publicCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += PUBLIC_CODE_ALPHABET.indexOf(body[i]) * (i + 1);
  return PUBLIC_CODE_ALPHABET[sum % N];
}

/** A new code; pass a seeded random source (returning [0, 1)) for deterministic codes. */
export function makePublicCode(random: () => number = Math.random): string {
  let body = "";
  for (let i = 0; i < PUBLIC_CODE_LENGTH - 1; i++) body += PUBLIC_CODE_ALPHABET[Math.floor(random() * N) % N];
  return body + publicCodeCheckChar(body);
}

/** What a person typed, made comparable: trimmed, upper case, spaces and hyphens removed. */
export function normalisePublicCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, "");
}

/** True when s (already normalised) has the shape of a public code, check character included. */
export function isPublicCodeShape(s: string): boolean {
  if (s.length !== PUBLIC_CODE_LENGTH) return false;
  for (const ch of s) if (!PUBLIC_CODE_ALPHABET.includes(ch)) return false;
  return publicCodeCheckChar(s.slice(0, -1)) === s[s.length - 1];
}
