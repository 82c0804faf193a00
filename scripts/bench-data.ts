/**
 * npm run bench:data -- --scale <n> [--recreate]
 *
 * Fills a PostgreSQL database (BENCH_DATABASE_URL, else DATABASE_URL) with n times the national
 * register: at --scale 100 about 255,000 schools, 2.5 million school majors, a year of audit
 * history, designations and finished selection batches. It applies the migrations and the demo
 * seed first (the benchmark signs in with the demo accounts). Refuses the embedded database.
 * --recreate drops and recreates the database first (the role needs CREATEDB).
 */
import pg from "pg";
import { openEngine } from "../lib/db/engines";
import { PrismaClient } from "../lib/db/generated/client";
import { defaultPaths } from "../lib/db/migrate/migrations-folder";
import { deployMigrations } from "../lib/db/migrate/runner";
import { seedDemo } from "../prisma/demo";
import { alreadyLoaded, loadBenchData } from "./bench/load";
import { benchDatabaseUrl } from "./bench/target";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function recreate(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to recreate a database named "${name}".`);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function main() {
  const scale = Number(arg("scale") ?? "1");
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new Error("--scale must be a number in (0, 1000], e.g. --scale 100");
  const url = benchDatabaseUrl();
  const started = performance.now();
  const at = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (process.argv.includes("--recreate")) {
    await recreate(url);
    console.log(`Recreated the database (${at()}).`);
  }

  const engine = openEngine({ kind: "postgres", url });
  const prisma = new PrismaClient({ adapter: engine.factory });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const applied = await deployMigrations(engine, defaultPaths());
    console.log(`Migrations: ${applied.length} applied (${at()}).`);
    const existing = await alreadyLoaded(pool);
    if (existing) throw new Error(`This database already holds ${existing} benchmark schools: use a fresh database or --recreate.`);
    if (!(await prisma.user.count({ where: { username: "gd-officer" } }))) {
      const seeded = await seedDemo(prisma);
      console.log(`Demo seed: ${seeded.schools} schools, ${seeded.users} accounts (${at()}).`);
    }
    console.log(`Loading scale ${scale} (${Math.round(2551 * scale).toLocaleString("en")} schools)…`);
    const counts = await loadBenchData({ pool, prisma, scale, log: (l) => console.log(l) });
    const totals = await pool.query(`
      SELECT (SELECT count(*) FROM "School")::int AS schools, (SELECT count(*) FROM "SchoolMajor")::int AS "schoolMajors",
             (SELECT count(*) FROM "AuditEvent")::int AS "auditEvents", (SELECT count(*) FROM "Designation")::int AS designations,
             (SELECT count(*) FROM "SelectionApplication")::int AS applications,
             pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(
      `Added: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
        .join(", ")}.`,
    );
    console.log(
      `Database now: ${Object.entries(totals.rows[0])
        .map(([k, v]) => `${k} ${typeof v === "number" ? v.toLocaleString("en") : v}`)
        .join(", ")}.`,
    );
    console.log(`Done in ${at()}.`);
  } finally {
    await pool.end();
    await prisma.$disconnect();
    await engine.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
