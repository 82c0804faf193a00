import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * THE webhook signature (docs/webhooks.md): HMAC-SHA256 with the subscription's secret over
 * `<unix seconds>.<raw body>`, sent as `X-Registry-Signature: t=<seconds>,v1=<hex>`. The timestamp
 * is signed so a receiver can refuse old replays; the body is signed as sent, byte for byte.
 */
export const SIGNATURE_HEADER = "X-Registry-Signature";
export const DELIVERY_HEADER = "X-Registry-Delivery";
export const EVENT_HEADER = "X-Registry-Event";
const SECRET_PREFIX = "whsec_";

/** A new subscription secret: "whsec_" and 32 random bytes (base64url), shown to its owner once. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for a body sent at `timestamp` (seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/**
 * What a receiver does (the docs show the same in Python and Node): parse the header, refuse a
 * timestamp older than `toleranceSeconds`, compare the HMAC in constant time.
 */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(signatureOf(secret, t, body), "hex"));
}
