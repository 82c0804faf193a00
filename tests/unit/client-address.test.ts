import { afterEach, describe, expect, it } from "vitest";
import { addressBucket, clientAddress, normaliseAddress, PEER_HEADER, peerHeaderValue, setPeerToken } from "@/lib/request/client-address";
import { publicOrigin } from "@/lib/request/public-origin";

/**
 * The one client-address rule (lib/request/client-address.ts) and the one public-origin rule
 * (lib/request/public-origin.ts). Issue 11, finding 2: without TRUST_PROXY a client that sends its
 * own X-Forwarded-For got a fresh per-address limit each time; finding 3: links were built from a
 * client's X-Forwarded-Host.
 */
const TOKEN = "test-token";
const h = (o: Record<string, string>) => new Headers(o);
const fromSocket = (address: string, extra: Record<string, string> = {}) => h({ [PEER_HEADER]: peerHeaderValue(address, TOKEN), ...extra });

describe("client address", () => {
  afterEach(() => setPeerToken(TOKEN));
  setPeerToken(TOKEN);

  it("without a trusted proxy: the socket address, whatever X-Forwarded-For and X-Real-IP say", () => {
    for (const forged of ["10.9.9.9", "10.9.9.10", "203.0.113.5, 10.0.0.1"]) {
      expect(clientAddress(fromSocket("192.0.2.7", { "x-forwarded-for": forged, "x-real-ip": forged }), 0)).toBe("192.0.2.7");
    }
  });

  it("a peer header this process did not sign counts as unknown, never as the address it names", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "guess 10.1.1.1" }), 0)).toBe("unknown");
    expect(clientAddress(h({ [PEER_HEADER]: "10.1.1.1" }), 0)).toBe("unknown");
    expect(clientAddress(h({ "x-forwarded-for": "10.1.1.1" }), 0)).toBe("unknown");
  });

  it("behind N trusted proxies: the N-th hop from the right; hops the client wrote are never used", () => {
    // nginx appends the address it saw: "<what the client sent>, <client>"
    const headers = fromSocket("127.0.0.1", { "x-forwarded-for": "10.9.9.9, 198.51.100.4" });
    expect(clientAddress(headers, 1)).toBe("198.51.100.4");
    expect(clientAddress(fromSocket("127.0.0.1", { "x-forwarded-for": "10.9.9.9, 198.51.100.4, 10.0.0.2" }), 2)).toBe("198.51.100.4");
  });

  it("behind a trusted proxy that wrote nothing usable: the socket address (the proxy), not garbage", () => {
    expect(clientAddress(fromSocket("127.0.0.1", { "x-forwarded-for": "<script>" }), 1)).toBe("127.0.0.1");
    expect(clientAddress(fromSocket("127.0.0.1"), 2)).toBe("127.0.0.1");
  });

  it("normalises the spellings of one address", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("192.0.2.1:5555")).toBe("192.0.2.1");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("not an address")).toBeNull();
  });

  it("limits count an IPv6 client's whole /64 as one bucket", () => {
    expect(addressBucket("2001:db8:0:0:aaaa::1")).toBe(addressBucket("2001:db8::bbbb:2"));
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
  });
});

describe("public origin", () => {
  const forwarded = { host: "registry.local:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  it("ignores X-Forwarded-Host/Proto unless the proxy is trusted", () => {
    expect(publicOrigin(h(forwarded), { trustedProxies: 0 })).toBe("http://registry.local:3000");
    expect(publicOrigin(h(forwarded), { trustedProxies: 1 })).toBe("https://evil.example");
  });

  it("a configured PUBLIC_URL wins over every header", () => {
    expect(publicOrigin(h(forwarded), { trustedProxies: 1, publicUrl: "https://jg.mohrss.gov.cn/" })).toBe("https://jg.mohrss.gov.cn");
  });

  it("a host that is not one becomes localhost", () => {
    expect(publicOrigin(h({ host: "a b<script>" }), { trustedProxies: 0 })).toBe("http://localhost");
  });
});
