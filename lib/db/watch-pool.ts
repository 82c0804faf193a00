import type pg from "pg";
import { isConnectionFailure, markDbDown, markDbUp, registerProbe } from "./availability";

type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * Reports a pool's health to lib/db/availability.ts: a new connection or a client returned without
 * error means the server answers; a failed connection attempt, or an idle client dropped by the
 * server (a stopped PostgreSQL closes every connection at once), means it does not. Registers a
 * probe (SELECT 1) for the proxy's recovery check. Returns the function that unregisters it.
 */
export function watchAvailability(pool: pg.Pool, url: string): () => void {
  pool.on("connect", () => markDbUp());
  pool.on("release", (err: unknown) => {
    if (!err) markDbUp();
    else if (isConnectionFailure(err)) markDbDown();
  });
  pool.on("error", (err: unknown) => {
    if (isConnectionFailure(err)) markDbDown();
  });
  // pool.query checks out with a callback, the Prisma adapter with a promise: watch both.
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<pg.PoolClient> | void;
  const watched = (cb?: ConnectCallback) => {
    if (cb) {
      return connect((err, client, done) => {
        if (err && isConnectionFailure(err)) markDbDown();
        cb(err, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((err: unknown) => {
      if (isConnectionFailure(err)) markDbDown();
      throw err;
    });
  };
  (pool as unknown as { connect: typeof watched }).connect = watched;
  return registerProbe(url, async () => {
    await pool.query("SELECT 1");
  });
}
