import "server-only";
import { db } from "@/lib/db/client";

/**
 * True when the database answers a trivial query within the timeout.
 *
 * /api/health is not rate-limited (docs/decisions/0051-health-not-rate-limited.md), so its cost is
 * bounded here instead: requests that arrive while a probe is running share that probe's answer
 * (at most `timeoutMs` old), and each process runs at most one `SELECT 1` at a time — a flood of
 * health checks holds one pool connection, never the pool. The promise is dropped when it settles.
 */
let running: Promise<boolean> | null = null;

export function databaseAnswers(timeoutMs = 3000): Promise<boolean> {
  running ??= probe(timeoutMs).finally(() => {
    running = null;
  });
  return running;
}

async function probe(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    });
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
