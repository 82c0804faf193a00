import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { migrationSql } from "../../scripts/scratch-database.mjs";

/**
 * A real PostgreSQL 15 primary and a streaming replica on loopback, for one test file: temporary
 * data directories, the caller's ports, `initdb` + `pg_basebackup -R` (standby.signal and
 * primary_conninfo), the app's database and role, the app's migrations applied to the primary.
 * Tests that need it `describe.skipIf(clusterSkipReason())` — the binaries are not everywhere.
 *
 * PostgreSQL refuses to run as root: as root every server command runs as the `postgres` user
 * (`runuser -u postgres --`) on directories it owns.
 */
export const PG_BIN = "/usr/lib/postgresql/15/bin";
const run = promisify(execFile);
const REQUIRED = ["initdb", "pg_ctl", "pg_basebackup"];
const APP = { user: "registry_app", password: "registry_app", database: "registry" };
const REPLICATOR = { user: "replicator", password: "replicator" };

/** Why a cluster cannot start here (a message for `describe.skipIf`), or undefined when it can. */
export function clusterSkipReason(): string | undefined {
  const missing = REQUIRED.filter((b) => !fs.existsSync(path.join(PG_BIN, b)));
  if (missing.length) return `PostgreSQL 15 binaries missing (${missing.join(", ")} in ${PG_BIN}): replica tests skipped`;
  if (process.getuid?.() === 0 && !hasPostgresUser()) return "running as root without a postgres user: replica tests skipped";
  return undefined;
}

function hasPostgresUser(): boolean {
  try {
    execFileSync("id", ["postgres"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the postgres user when we are root. */
async function pgBin(bin: string, args: string[], timeout = 30_000): Promise<string> {
  const file = path.join(PG_BIN, bin);
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  try {
    const { stdout } = await run(cmd, argv, { timeout, env: { ...process.env, LC_ALL: "C.UTF-8", PGPASSWORD: REPLICATOR.password } });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${err.stderr || err.message}`);
  }
}

function chownToPostgres(dir: string) {
  if (asRoot()) execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

export type ClusterOptions = {
  /** Loopback ports of the primary and the replica (37xx for the replica helper's tests). */
  primaryPort: number;
  replicaPort: number;
  /** Apply the app's migrations to the primary (default true). */
  migrate?: boolean;
};

export type PgCluster = {
  primaryPort: number;
  replicaPort: number;
  /** The app's role on the app's database: DATABASE_URL and DATABASE_REPLICA_URL. */
  primaryUrl: string;
  replicaUrl: string;
  /** The superuser (postgres, trust on loopback) on the app's database of each server. */
  primaryAdminUrl: string;
  replicaAdminUrl: string;
  /** Runs SQL as the superuser on the primary or the replica, returning the rows. */
  query: <R extends Record<string, unknown> = Record<string, unknown>>(on: "primary" | "replica", sql: string, params?: unknown[]) => Promise<R[]>;
  /** Stops / resumes WAL replay on the replica (pg_wal_replay_pause / pg_wal_replay_resume). */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Waits until the replica has replayed everything the primary had written when called. */
  waitForReplay: (timeoutMs?: number) => Promise<void>;
  /** Stops the replica server (fast shutdown) / starts it again and waits until it streams. */
  stopReplica: () => Promise<void>;
  startReplica: () => Promise<void>;
  /** Stops both servers and removes their directories. */
  stop: () => Promise<void>;
  /** Milliseconds each phase of the start took (initdb, primary, basebackup, replica, migrate). */
  timings: Record<string, number>;
};

const url = (user: string, password: string | null, port: number, database: string) =>
  `postgresql://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}@127.0.0.1:${port}/${database}`;

async function sql<R>(connectionString: string, text: string, params?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`pg-cluster: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Settings for a fast, throw-away server (no durability needed in a test). */
function serverConf(port: number, socketDir: string): string {
  return [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${socketDir}'`,
    "wal_level = replica",
    "max_wal_senders = 5",
    "max_connections = 60",
    "shared_buffers = 32MB",
    "fsync = off",
    "full_page_writes = off",
    "wal_receiver_status_interval = 1s",
    "hot_standby = on",
    "hot_standby_feedback = on",
    "log_min_messages = warning",
    // initdb copies the caller's TZ (the tests run in America/Los_Angeles); the app's timestamp
    // columns default to now() without a zone and are read as UTC, as on the system's server.
    "timezone = 'UTC'",
    "log_timezone = 'UTC'",
    "",
  ].join("\n");
}

const HBA = [
  "local all all trust",
  "host all postgres 127.0.0.1/32 trust",
  `host replication ${REPLICATOR.user} 127.0.0.1/32 scram-sha-256`,
  "host all all 127.0.0.1/32 scram-sha-256",
  "",
].join("\n");

export async function startPgCluster(opts: ClusterOptions): Promise<PgCluster> {
  const reason = clusterSkipReason();
  if (reason) throw new Error(reason);
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - t;
    t = Date.now();
  };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pg-cluster-"));
  fs.chmodSync(root, 0o755);
  const dirs = { primary: path.join(root, "primary"), replica: path.join(root, "replica"), sock: path.join(root, "sock") };
  fs.mkdirSync(dirs.sock);
  chownToPostgres(root);
  const { primaryPort, replicaPort } = opts;
  const ctl = (dir: string, action: "start" | "stop", mode = "fast") =>
    action === "start"
      ? pgBin("pg_ctl", ["-D", dir, "-l", `${dir}.log`, "-w", "-t", "20", "start"])
      : pgBin("pg_ctl", ["-D", dir, "-w", "-t", "20", "-m", mode, "stop"]);
  const servers = new Set<string>();
  const killAll = () => {
    for (const dir of servers) {
      try {
        const argv = ["-D", dir, "-m", "immediate", "-w", "stop"];
        if (asRoot()) execFileSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, "pg_ctl"), ...argv], { stdio: "ignore" });
        else execFileSync(path.join(PG_BIN, "pg_ctl"), argv, { stdio: "ignore" });
      } catch {
        // already stopped
      }
    }
    servers.clear();
    fs.rmSync(root, { recursive: true, force: true });
  };
  // A test process that dies must not leave servers behind on the machine.
  process.once("exit", killAll);

  try {
    await pgBin("initdb", ["-D", dirs.primary, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    fs.appendFileSync(path.join(dirs.primary, "postgresql.conf"), serverConf(primaryPort, dirs.sock));
    fs.writeFileSync(path.join(dirs.primary, "pg_hba.conf"), HBA);
    chownToPostgres(root);
    lap("initdb");
    await ctl(dirs.primary, "start");
    servers.add(dirs.primary);
    const primaryAdmin = url("postgres", null, primaryPort, "postgres");
    await sql(primaryAdmin, `CREATE ROLE ${REPLICATOR.user} WITH REPLICATION LOGIN PASSWORD '${REPLICATOR.password}'`);
    await sql(primaryAdmin, `CREATE ROLE ${APP.user} WITH LOGIN PASSWORD '${APP.password}'`);
    await sql(primaryAdmin, `CREATE DATABASE ${APP.database} OWNER ${APP.user}`);
    lap("primary");
    await pgBin("pg_basebackup", [
      "-D",
      dirs.replica,
      "-d",
      `host=127.0.0.1 port=${primaryPort} user=${REPLICATOR.user} password=${REPLICATOR.password} application_name=replica`,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
      "--no-sync",
    ]);
    // The copy carries the primary's settings: only the port differs.
    fs.appendFileSync(path.join(dirs.replica, "postgresql.conf"), `port = ${replicaPort}\n`);
    chownToPostgres(root);
    lap("basebackup");
    const query = <R>(on: "primary" | "replica", text: string, params?: unknown[]) =>
      sql<R>(url("postgres", null, on === "primary" ? primaryPort : replicaPort, APP.database), text, params);
    const streaming = () =>
      waitUntil(
        "the replica to stream",
        async () => (await query<{ status: string }>("replica", "SELECT status FROM pg_stat_wal_receiver")).some((r) => r.status === "streaming"),
        20_000,
      );
    await ctl(dirs.replica, "start");
    servers.add(dirs.replica);
    await streaming();
    lap("replica");

    const primaryUrl = url(APP.user, APP.password, primaryPort, APP.database);
    if (opts.migrate !== false) {
      const client = new pg.Client({ connectionString: primaryUrl });
      await client.connect();
      try {
        for (const text of migrationSql()) await client.query(text);
      } finally {
        await client.end();
      }
    }
    const waitForReplay = async (timeoutMs = 15_000) => {
      const [{ lsn }] = await query<{ lsn: string }>("primary", "SELECT pg_current_wal_lsn()::text AS lsn");
      await waitUntil(
        "the replica to replay",
        async () => (await query<{ ok: boolean }>("replica", "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [lsn]))[0]?.ok === true,
        timeoutMs,
      );
    };
    await waitForReplay();
    lap("migrate");

    return {
      primaryPort,
      replicaPort,
      primaryUrl,
      replicaUrl: url(APP.user, APP.password, replicaPort, APP.database),
      primaryAdminUrl: url("postgres", null, primaryPort, APP.database),
      replicaAdminUrl: url("postgres", null, replicaPort, APP.database),
      query: query as PgCluster["query"],
      pauseReplay: async () => {
        await query("replica", "SELECT pg_wal_replay_pause()");
        await waitUntil(
          "replay to pause",
          async () => (await query<{ s: string }>("replica", "SELECT pg_get_wal_replay_pause_state() AS s"))[0]?.s === "paused",
          10_000,
        );
      },
      resumeReplay: async () => {
        await query("replica", "SELECT pg_wal_replay_resume()");
      },
      waitForReplay,
      stopReplica: async () => {
        await ctl(dirs.replica, "stop");
        servers.delete(dirs.replica);
      },
      startReplica: async () => {
        await ctl(dirs.replica, "start");
        servers.add(dirs.replica);
        await streaming();
      },
      stop: async () => {
        for (const dir of [dirs.replica, dirs.primary]) {
          if (servers.has(dir)) await ctl(dir, "stop", "immediate").catch(() => {});
          servers.delete(dir);
        }
        process.removeListener("exit", killAll);
        fs.rmSync(root, { recursive: true, force: true });
      },
      timings,
    };
  } catch (e) {
    process.removeListener("exit", killAll);
    killAll();
    throw e;
  }
}
