import fs from "node:fs";
import path from "node:path";

/**
 * The shipped list of common and leaked passwords (leaked-passwords.txt beside this file), read
 * once per process into a Set. Lines are lower case; `#` starts a comment line.
 */
let cached: Set<string> | undefined;

export function leakedPasswords(): Set<string> {
  if (!cached) {
    const file = path.join(process.cwd(), "lib/accounts/leaked-passwords.txt");
    cached = new Set(
      fs
        .readFileSync(file, "utf8")
        .split(/\r?\n/)
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l && !l.startsWith("#")),
    );
  }
  return cached;
}

export function isLeakedPassword(key: string): boolean {
  return leakedPasswords().has(key);
}
