import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * THE client-address rule, for every per-address limit (sign-in, open data, objections, public
 * error reports) and for the audit log.
 *  - Without a trusted proxy (TRUST_PROXY=0): the socket's address only. Next.js fills
 *    X-Forwarded-For from the socket only when the client sent none, so the header is the
 *    client's to forge; the socket address reaches route handlers in PEER_HEADER, which
 *    lib/request/peer-stamp.ts writes on every request (overwriting anything the client sent) and
 *    signs with a per-process token.
 *  - With TRUST_PROXY=N (N reverse proxies in front, each appending the address it saw, as nginx's
 *    `$proxy_add_x_forwarded_for` does): the N-th X-Forwarded-For hop from the right — the address
 *    the outermost trusted proxy saw. Hops to its left are the client's to forge and never used.
 *  - Anything that is not an IP address counts as "unknown" (one shared bucket, never a fresh one).
 */
export const PEER_HEADER = "x-registry-peer";
export const UNKNOWN_ADDRESS = "unknown";

type Holder = { __registryPeerToken?: string };

/** The token this process signs PEER_HEADER with (set by peer-stamp.ts when it installs). */
export function peerToken(): string | undefined {
  return (globalThis as Holder).__registryPeerToken;
}

export function setPeerToken(token: string) {
  (globalThis as Holder).__registryPeerToken = token;
}

/** The PEER_HEADER value for a socket address (peer-stamp.ts, and tests that play the socket). */
export function peerHeaderValue(address: string, token = peerToken()): string {
  return `${token ?? ""} ${address}`;
}

/** The socket address of this request, if this process stamped it. */
export function socketAddress(headers: Pick<Headers, "get">): string | null {
  const token = peerToken();
  const value = headers.get(PEER_HEADER);
  if (!token || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== token) return null;
  return normaliseAddress(value.slice(space + 1));
}

export function clientAddress(headers: Pick<Headers, "get">, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const hop = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : undefined;
    const address = hop ? normaliseAddress(hop) : null;
    if (address) return address;
  }
  return socketAddress(headers) ?? UNKNOWN_ADDRESS;
}

/** An IPv4 or IPv6 address in one spelling (no port, no brackets, IPv4-mapped IPv6 as IPv4), or null. */
export function normaliseAddress(raw: string): string | null {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.replace(/:\d+$/, "");
  s = s.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1");
  const kind = isIP(s);
  if (kind === 4) return s;
  if (kind === 6) return s.toLowerCase();
  return null;
}

/**
 * The bucket a per-address limit counts in: the address itself, or for IPv6 its /64 network,
 * which one client typically holds whole (a fresh address per request would be free).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The address of the client of a request under this deployment's TRUST_PROXY. */
export function addressOf(h: Pick<Headers, "get">): string {
  return clientAddress(h, env().TRUST_PROXY);
}

/** An address kept only as a keyed hash (counting per address without storing it), one purpose per key. */
export function hashedAddress(address: string, purpose: string): string {
  return createHash("sha256")
    .update(`${env().AUTH_SECRET ?? "registry"}|${purpose}|${address}`)
    .digest("hex");
}
