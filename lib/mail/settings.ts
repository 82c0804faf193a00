import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/request/public-origin";

/**
 * Whether and how notification e-mail is sent (docs/decisions/0067). Null without SMTP_URL:
 * nothing is mailed. The links' origin is THE public-origin rule with no request at all — mail is
 * sent after the write, off the request, so PUBLIC_URL (required with SMTP_URL, lib/env.ts) is
 * the only origin it can have, and no request header ever reaches a mail.
 */
export type MailSettings = { url: string; from: string; origin: string };

export function mailSettings(): MailSettings | null {
  const { SMTP_URL, MAIL_FROM, PUBLIC_URL } = env();
  if (!SMTP_URL || !PUBLIC_URL) return null;
  const origin = publicOrigin(new Headers(), { publicUrl: PUBLIC_URL, trustedProxies: 0 });
  return { url: SMTP_URL, from: MAIL_FROM ?? `技工院校名录 <noreply@${new URL(origin).hostname}>`, origin };
}
