/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Every request's socket address, for the one client-address rule (lib/request/client-address.ts).
    const { installPeerStamp } = await import("@/lib/request/peer-stamp");
    installPeerStamp();
    // A page that fails because the database just went away answers 503, not 500 (lib/outage/status.ts).
    const { installOutageStatus } = await import("@/lib/outage/status");
    installOutageStatus();
    // Webhook deliveries, outside every request, when this process is asked to run them (docs/webhooks.md).
    const { env } = await import("@/lib/env");
    if (env().WEBHOOK_WORKER === "1") {
      const { startWebhookWorker } = await import("@/lib/webhooks/worker");
      startWebhookWorker();
    }
  }
}
