import { cookies } from "next/headers";
import { db, replicaDb } from "./client";
import { maxLagMs } from "./replica-health";
import { parseLsn } from "./replica-lsn";

/**
 * Read-your-own-writes with a lagging replica (decision 0073). After a committed write the
 * caller's browser gets the primary's WAL insert position in a short-lived httpOnly cookie; a
 * public read for a request carrying it uses the replica only once the replica has replayed that
 * far, otherwise the primary. Per browser, not per account: it works for the public's writes
 * (error reports) too, and on every app node (the position is the primary's, not the node's).
 */
export const READ_AFTER_COOKIE = "registry-read-after";

/**
 * How long the cookie lives: past the lag bound the replica is not used at all (the lag measured
 * is an upper bound, so a replica missing this write is measured at least this far behind), plus
 * a margin for the probe's age and the clocks.
 */
export const cookieSeconds = () => Math.ceil(maxLagMs() / 1000) + 5;

/** After a committed write (lib/actions/define.ts writeAs). Nothing without a replica. */
export async function rememberWrite(): Promise<void> {
  if (!replicaDb()) return;
  try {
    const [{ lsn }] = await db().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`;
    (await cookies()).set(READ_AFTER_COOKIE, lsn, { httpOnly: true, sameSite: "lax", path: "/", maxAge: cookieSeconds() });
  } catch {
    // A render cannot set cookies, and the write has committed whatever happens here: at worst the
    // writer's next page shows the replica's (older) state, as without a replica-aware app.
  }
}

/** The position this request's caller wrote at, or null (no cookie, not in a request, unparsable). */
export async function writtenLsn(): Promise<bigint | null> {
  try {
    return parseLsn((await cookies()).get(READ_AFTER_COOKIE)?.value);
  } catch (e) {
    // Next's own signals (a route found to be dynamic while prerendering) carry a digest: pass them on.
    if ((e as { digest?: unknown })?.digest) throw e;
    return null;
  }
}
