import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The requester's IP, hashed with the app secret: enough to count objections per IP without
 * storing the address. The LAST X-Forwarded-For entry is used: a reverse proxy appends the address
 * it saw, and `next start` fills the header from the socket when absent — earlier entries are
 * whatever the client sent, so trusting the first would let anyone dodge the limit.
 */
export async function clientIpHash(): Promise<string> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",").pop()?.trim() || h.get("x-real-ip")?.trim() || "unknown";
  return createHash("sha256")
    .update(`${env().AUTH_SECRET ?? "registry"}|objection|${ip}`)
    .digest("hex");
}
