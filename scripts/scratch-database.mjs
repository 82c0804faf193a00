/**
 * Throw-away databases for the test files, the end-to-end server and the import benchmark: a new,
 * empty PostgreSQL database beside the one a URL names, and the migrations' SQL to build the
 * schema in it. Plain JavaScript so that scripts/e2e-server.mjs (run by node without tsx) can use it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

async function adminQuery(connectionString, sql) {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Creates `<prefix>_<time>_<random>` on the server of `baseUrl`.
 * @param {string} baseUrl a database URL whose user may create databases
 * @param {string} prefix
 * @returns {Promise<{ name: string; url: string; drop: () => Promise<void> }>} `drop` removes it even while connections are open
 */
export async function createScratchDatabase(baseUrl, prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => dropScratchDatabase(baseUrl, name) };
}

/**
 * Removes a database createScratchDatabase made, even while connections are open (for a process other than the one that created it).
 * @param {string} baseUrl the URL createScratchDatabase was given
 * @param {string} name its `name`
 */
export function dropScratchDatabase(baseUrl, name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a scratch database name: ${name}`);
  return adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * The SQL of every migration in prisma/migrations, oldest first (what the migration runner applies).
 * @returns {string[]}
 */
export function migrationSql(root = process.cwd()) {
  const dir = path.join(root, "prisma/migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((n) => fs.readFileSync(path.join(dir, n, "migration.sql"), "utf8"));
}
