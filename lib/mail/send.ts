import "server-only";
import nodemailer from "nodemailer";
import { clock } from "@/lib/kernel/dates";
import { composeMail } from "./compose";
import { claimForMail } from "./data";
import type { MailSettings } from "./settings";

/**
 * Bounds on one SMTP conversation (ms): an unreachable or stalled server gives up within these
 * instead of nodemailer's minutes. Sending already runs off the request (./outbox.ts); these keep
 * a dead server from holding sockets and memory for long.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, dnsTimeout: 10_000 };

/**
 * Mails the notifications among `ids` (claimed first, so never twice), one message each, over one
 * connection. A failed message is logged and not retried: the in-app notification is the record.
 */
export async function sendNotificationMail(ids: readonly string[], settings: MailSettings): Promise<number> {
  const claimed = await claimForMail(ids, clock.now());
  if (!claimed.length) return 0;
  const transport = nodemailer.createTransport({ url: settings.url, ...TIMEOUTS });
  let sent = 0;
  try {
    for (const row of claimed) {
      const { subject, text } = composeMail(row, settings.origin);
      try {
        await transport.sendMail({ from: settings.from, to: row.email, subject, text });
        sent += 1;
      } catch (e) {
        console.error(`notification mail ${row.id} not sent`, e instanceof Error ? e.message : e);
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
