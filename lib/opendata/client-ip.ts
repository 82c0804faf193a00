import { isIP } from "node:net";

/**
 * The client address the rate limit keys on.
 *  - TRUST_PROXY=1: the first hop of X-Forwarded-For (the reverse proxy in front of the app writes it).
 *  - otherwise: the last hop of X-Forwarded-For — Next.js fills that header with the socket address when
 *    the request arrives without one — then X-Real-IP. Without a trusted proxy a client can still send
 *    its own X-Forwarded-For; production deployments should sit behind a proxy with TRUST_PROXY=1.
 * IPv6 addresses are reduced to their /64 network, which one client typically holds whole.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const candidates = trustProxy ? [hops[0]] : [hops[hops.length - 1], headers.get("x-real-ip")?.trim()];
  for (const c of candidates) {
    const ip = c ? normaliseIp(c) : null;
    if (ip) return ip;
  }
  return "unknown";
}

export function normaliseIp(raw: string): string | null {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.replace(/:\d+$/, "");
  s = s.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1");
  const kind = isIP(s);
  if (kind === 4) return s;
  if (kind === 6) return ipv6Network64(s);
  return null;
}

function ipv6Network64(s: string): string {
  const [head, tail = ""] = s.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const tl = tail ? tail.split(":") : [];
  const groups = s.includes("::") ? [...h, ...Array(8 - h.length - tl.length).fill("0"), ...tl] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
