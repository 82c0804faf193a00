import "server-only";
import { sendNotificationMail } from "./send";
import { mailSettings } from "./settings";

/**
 * THE entry point for mailing notifications (docs/decisions/0067), called once they are committed
 * (lib/notifications: `ctx.afterCommit`). Without SMTP_URL it does nothing. Otherwise the sending
 * starts and this returns at once: the write's answer never waits for a mail server, and a failure
 * is logged, never the write's. `mailSettled()` waits for what is under way (tests, shutdown).
 */
const pending = new Set<Promise<unknown>>();

export function mailNotifications(ids: readonly string[]): void {
  const settings = mailSettings();
  if (!settings || !ids.length) return;
  const job = sendNotificationMail(ids, settings)
    .catch((e) => console.error("notification mail failed", e instanceof Error ? e.message : e))
    .finally(() => pending.delete(job));
  pending.add(job);
}

export async function mailSettled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
