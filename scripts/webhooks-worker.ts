/**
 * npm run webhooks:worker — the webhook delivery worker as its own process (docs/webhooks.md):
 * queues new public changes for each subscription and sends due deliveries every
 * WEBHOOK_POLL_SECONDS, until SIGINT/SIGTERM. Any number may run, on any nodes (deliveries are
 * claimed FOR UPDATE SKIP LOCKED). With the embedded database, run the worker inside the app
 * instead (WEBHOOK_WORKER=1): one process may open the data directory.
 */
import "./load-env";
import { describeTarget, resolveTarget } from "../lib/db/engines";
import { disconnect } from "../lib/db/client";
import { env } from "../lib/env";
import { startWebhookWorker } from "../lib/webhooks/worker";

console.log(`Webhook worker on ${describeTarget(resolveTarget(env()))}, a pass every ${env().WEBHOOK_POLL_SECONDS} s.`);
const stop = startWebhookWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stop();
    void disconnect().then(() => process.exit(0));
  });
}
