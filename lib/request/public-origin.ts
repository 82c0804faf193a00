import { env } from "@/lib/env";

/**
 * THE public-origin rule: the scheme and host that absolute links are built with (Atom feeds,
 * the verification QR code, sitemap, JSON-LD).
 *  - PUBLIC_URL set: always its origin, whatever the request says.
 *  - TRUST_PROXY ≥ 1: the first X-Forwarded-Proto / X-Forwarded-Host the trusted proxy set.
 *  - otherwise: the Host header, over http — a client's own X-Forwarded-* headers are ignored,
 *    so a shared cache cannot be fed a page whose links point at another host.
 * A host that does not look like one is replaced by "localhost" (nothing injected reaches a link).
 */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export type OriginSettings = { publicUrl?: string; trustedProxies: number };

const first = (v: string | null) => (v ?? "").split(",")[0].trim();

export function publicOrigin(headers: Pick<Headers, "get">, settings: OriginSettings): string {
  if (settings.publicUrl) return new URL(settings.publicUrl).origin;
  const trusted = settings.trustedProxies > 0;
  const host = (trusted && first(headers.get("x-forwarded-host"))) || first(headers.get("host"));
  const https = trusted && first(headers.get("x-forwarded-proto")) === "https";
  return `${https ? "https" : "http"}://${HOST.test(host) ? host : "localhost"}`;
}

/**
 * The request headers publicOrigin() reads under these settings: an answer that embeds the origin
 * and may be stored by a shared cache must `Vary` on them (none when PUBLIC_URL fixes the origin).
 * Host is part of every cache key already; it is named for caches keyed on the path alone.
 */
export function originHeaders(settings: OriginSettings): string[] {
  if (settings.publicUrl) return [];
  return settings.trustedProxies > 0 ? ["Host", "X-Forwarded-Host", "X-Forwarded-Proto"] : ["Host"];
}

/** The public origin of a request's absolute links under this deployment's PUBLIC_URL and TRUST_PROXY. */
export function originOf(h: Pick<Headers, "get">): string {
  return publicOrigin(h, deploymentSettings());
}

/** originHeaders() under this deployment's PUBLIC_URL and TRUST_PROXY. */
export function originHeadersOf(): string[] {
  return originHeaders(deploymentSettings());
}

function deploymentSettings(): OriginSettings {
  const { PUBLIC_URL, TRUST_PROXY } = env();
  return { publicUrl: PUBLIC_URL, trustedProxies: TRUST_PROXY };
}
