import "server-only";
import { env } from "@/lib/env";
import { dispatchChanges } from "./dispatch";
import { postJson } from "./post";
import { claimDue, recordDelivered, recordFailed, type Claimed } from "./queue/data";
import { nextAttemptAt } from "./schedule";
import { DELIVERY_HEADER, EVENT_HEADER, signatureHeader, SIGNATURE_HEADER } from "./signature";

/**
 * The delivery worker (docs/decisions/0083). Runs outside requests: in the app process when
 * WEBHOOK_WORKER=1 (instrumentation.ts) and/or as `npm run webhooks:worker`, on any number of nodes.
 * A pass dispatches new changes (lib/webhooks/dispatch.ts), then claims due deliveries with
 * FOR UPDATE SKIP LOCKED and moves their next attempt LEASE_MS ahead in the same statement, so
 * no other worker takes them while they are in flight (POST_TIMEOUT_MS is far shorter); a worker
 * that dies mid-flight leaves them to be tried again after the lease, with the same delivery id.
 */
export const LEASE_MS = 2 * 60_000;
const BATCH = 20;

/** The body of a delivery: the same bytes on every attempt, so a receiver may compare retries. */
export function deliveryBody(d: { id: string; subscriptionId: string; payload: unknown }): string {
  const event = d.payload as { type?: string };
  return JSON.stringify({ id: d.id, subscription: d.subscriptionId, type: event.type ?? "change", event });
}

async function deliver(d: Claimed, now: Date): Promise<void> {
  const body = deliveryBody(d);
  const t = Math.floor(now.getTime() / 1000);
  const headers = {
    [SIGNATURE_HEADER]: signatureHeader(d.secret, t, body),
    [DELIVERY_HEADER]: d.id,
    [EVENT_HEADER]: (d.payload as { type?: string }).type ?? "change",
    "User-Agent": "jigong-registry-webhooks/1",
  };
  const outcome = await postJson(d.url, body, headers, env().WEBHOOK_ALLOW_HTTP_LOOPBACK === "1");
  const status = "status" in outcome ? outcome.status : null;
  const ok = status !== null && status >= 200 && status < 300;
  const attempts = d.attempts + 1;
  const attempt = { attempts, lastAttemptAt: now, lastStatusCode: status, lastError: "error" in outcome ? outcome.error : null };
  if (ok) await recordDelivered(d.id, attempt);
  else await recordFailed(d.id, d.subscriptionId, attempt, nextAttemptAt(d.createdAt, attempts, now));
}

/** Claims and sends due deliveries until none is left; returns how many attempts were made. */
export async function deliverDue(now: () => Date = () => new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await claimDue(now(), BATCH, new Date(now().getTime() + LEASE_MS));
    if (batch.length === 0) return sent;
    await Promise.all(batch.map((d) => deliver(d, now())));
    sent += batch.length;
  }
}

/** One pass: queue new changes, then send what is due. */
export async function runWebhookPass(now: () => Date = () => new Date()): Promise<{ queued: number; sent: number }> {
  const queued = await dispatchChanges(now());
  return { queued, sent: await deliverDue(now) };
}

/** The loop: a pass every WEBHOOK_POLL_SECONDS; a failing pass is logged and the loop goes on. */
export function startWebhookWorker(log: (message: string) => void = console.error): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await runWebhookPass();
    } catch (err) {
      log(`webhooks: pass failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!stopped) timer = setTimeout(tick, env().WEBHOOK_POLL_SECONDS * 1000);
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
