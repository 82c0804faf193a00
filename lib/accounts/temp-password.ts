import { randomInt } from "node:crypto";

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed once.
const SETS = ["abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "#%+=?@"];

/**
 * A one-time password for a new account or a reset: random, all four character classes, at least
 * `length` long. The user must replace it at the first sign-in (mustChangePassword).
 */
export function temporaryPassword(length = 16): string {
  const all = SETS.join("");
  const chars = SETS.map((s) => s[randomInt(s.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
