import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock";
import { watchAvailability } from "./watch-pool";

/** The two database engines behind one Prisma schema: embedded PGlite, or PostgreSQL. */
export type EngineTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export type OpenEngine = {
  target: EngineTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Runs a whole SQL script as one simple-protocol query (atomic unless it says otherwise). */
  exec: (sql: string) => Promise<void>;
  close: () => Promise<void>;
};

export function resolveTarget(cfg: { DATABASE_URL?: string; DATA_DIR: string }): EngineTarget {
  if (cfg.DATABASE_URL) return { kind: "postgres", url: cfg.DATABASE_URL };
  const dataDir = cfg.DATA_DIR.startsWith("memory://") ? cfg.DATA_DIR : path.resolve(cfg.DATA_DIR);
  return { kind: "pglite", dataDir };
}

export function describeTarget(t: EngineTarget): string {
  if (t.kind === "pglite") return `PGlite (${t.dataDir})`;
  const u = new URL(t.url);
  return `PostgreSQL (${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname})`;
}

/**
 * Opens an engine synchronously (PGlite finishes starting in the background and queues queries
 * until it is ready), so that the Prisma client can be created lazily on first use.
 */
export function openEngine(target: EngineTarget, opts: { watchAvailability?: boolean } = {}): OpenEngine {
  if (target.kind === "postgres") return openPostgres(target, opts.watchAvailability ?? true);
  return openPglite(target);
}

/**
 * `watch`: report this pool's failures as "the database is down" (lib/db/availability.ts: every
 * page 503). Not for a read replica: its outage only moves public reads to the primary
 * (lib/db/replica-health.ts).
 */
function openPostgres(target: Extract<EngineTarget, { kind: "postgres" }>, watch: boolean): OpenEngine {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    // The app's queries are short: JIT compilation cost more than it saved (25–130 ms on the
    // public change feed at 100× national size). Per connection, so the server's default is kept.
    options: "-c jit=off",
  });
  // An idle client losing its server (database restart) must not crash the process.
  pool.on("error", () => {});
  const unregister = watch ? watchAvailability(pool, target.url) : () => {};
  const factory = new PrismaPg(pool);
  return {
    target,
    factory,
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: async () => {
      unregister();
      await pool.end();
    },
  };
}

/** Contrib extensions the migrations create: PGlite must have them loaded to run them. */
export const PGLITE_EXTENSIONS = { pg_trgm };

function openPglite(target: Extract<EngineTarget, { kind: "pglite" }>): OpenEngine {
  const inMemory = target.dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDataDirLock(target.dataDir);
  // pg_trgm backs the trigram indexes of name search (a migration runs CREATE EXTENSION pg_trgm).
  const lite = new PGlite(inMemory ? target.dataDir : path.join(target.dataDir, "pgdata"), { extensions: PGLITE_EXTENSIONS });
  const factory = new PrismaPGlite(lite);
  return {
    target,
    factory,
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: async () => {
      await lite.close();
      release();
    },
  };
}
