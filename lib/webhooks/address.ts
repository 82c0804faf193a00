import { isIPv4, isIPv6 } from "node:net";

/**
 * THE address rule of webhook endpoints (docs/decisions/0083): a delivery may connect only to a
 * public unicast address. Refused: private, loopback, link-local, shared (CGNAT), benchmark,
 * documentation, multicast and reserved ranges of IPv4; and of IPv6 the same, with IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms judged by the
 * IPv4 address they carry. With `allowLoopback` (WEBHOOK_ALLOW_HTTP_LOOPBACK, tests only) 127/8 and
 * ::1 are let through — nothing else private.
 */
const V4_BLOCKED: [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];
const V6_BLOCKED: [string, number][] = [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
];

function v4(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/** 128-bit value of an IPv6 address, an embedded dotted quad included. */
function v6(ip: string): bigint {
  let text = ip.toLowerCase().split("%")[0];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = v4(quad[1]);
    text = text.slice(0, -quad[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
}

const inV4 = (n: number, [base, bits]: [string, number]) => bits === 0 || n >>> (32 - bits) === v4(base) >>> (32 - bits);
const inV6 = (n: bigint, [base, bits]: [string, number]) => n >> BigInt(128 - bits) === v6(base) >> BigInt(128 - bits);

function v4Allowed(ip: string, allowLoopback: boolean): boolean {
  const n = v4(ip);
  if (allowLoopback && inV4(n, ["127.0.0.0", 8])) return true;
  return !V4_BLOCKED.some((r) => inV4(n, r));
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
function carriedV4(n: bigint): string | null {
  const quad = (x: bigint) => [24n, 16n, 8n, 0n].map((s) => Number((x >> s) & 0xffn)).join(".");
  if (n >> 32n === 0xffffn || (n >> 32n === 0n && n > 1n)) return quad(n & 0xffffffffn);
  if (n >> 32n === v6("64:ff9b::") >> 32n) return quad(n & 0xffffffffn);
  if (n >> 112n === 0x2002n) return quad((n >> 80n) & 0xffffffffn);
  return null;
}

export function isAllowedAddress(ip: string, allowLoopback = false): boolean {
  if (isIPv4(ip)) return v4Allowed(ip, allowLoopback);
  if (!isIPv6(ip)) return false;
  const n = v6(ip);
  if (allowLoopback && n === 1n) return true;
  const inner = carriedV4(n);
  if (inner !== null) return v4Allowed(inner, false);
  return !V6_BLOCKED.some((r) => inV6(n, r));
}
