#!/usr/bin/env node
/**
 * `npm run setup`: makes sure .env.local holds what `next start` needs — a random AUTH_SECRET
 * (Auth.js signs sessions with it) and AUTH_TRUST_HOST=true. Creates the file when it is missing;
 * in an existing file it only appends the keys that are absent, and never changes a value.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const file = path.resolve(import.meta.dirname, "..", ".env.local");
const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
const has = (key) => new RegExp(`^\\s*(export\\s+)?${key}\\s*=`, "m").test(existing);

const wanted = [
  ["AUTH_SECRET", () => crypto.randomBytes(32).toString("base64url")],
  ["AUTH_TRUST_HOST", () => "true"],
];
// Written even when the variable is set in this shell: `npm start` may run in another one.
// (Real environment variables still win over .env.local in Next.js.)
const missing = wanted.filter(([key]) => !has(key));

if (missing.length === 0) {
  console.log(".env.local already has AUTH_SECRET and AUTH_TRUST_HOST; left unchanged.");
} else {
  const lines = missing.map(([key, value]) => `${key}=${value()}`);
  const header = existing ? "" : "# Local settings, created by `npm run setup` (git-ignored). See README.\n";
  const sep = existing && !existing.endsWith("\n") ? "\n" : "";
  fs.writeFileSync(file, `${existing}${sep}${header}${lines.join("\n")}\n`, { mode: 0o600 });
  console.log(`${existing ? "Added to" : "Created"} .env.local: ${missing.map(([k]) => k).join(", ")}`);
}
