import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The requester's IP, hashed with the app secret: enough to count objections per IP without
 * storing the address. The first X-Forwarded-For hop is the client behind the reverse proxy.
 */
export async function clientIpHash(): Promise<string> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip")?.trim() || "unknown";
  return createHash("sha256").update(`${env().AUTH_SECRET ?? "registry"}|objection|${ip}`).digest("hex");
}
