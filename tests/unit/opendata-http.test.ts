import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp } from "@/lib/opendata/client-ip";
import { etagOf, matchesEtag } from "@/lib/opendata/http";

describe("client address for the rate limit", () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it("behind a trusted proxy: the first X-Forwarded-For hop", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }), true)).toBe("203.0.113.5");
  });
  it("without one: the last hop (Next.js writes the socket address there), then X-Real-IP", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }), false)).toBe("10.0.0.1");
    expect(clientIp(h({ "x-real-ip": "198.51.100.2" }), false)).toBe("198.51.100.2");
    expect(clientIp(h({}), false)).toBe("unknown");
  });
  it("ignores garbage and normalises forms of the same address", () => {
    expect(clientIp(h({ "x-forwarded-for": "<script>" }), true)).toBe("unknown");
    expect(normaliseIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseIp("192.0.2.1:5555")).toBe("192.0.2.1");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    // One IPv6 client holds a whole /64: its addresses share one key.
    expect(normaliseIp("2001:db8:0:0:aaaa::1")).toBe(normaliseIp("2001:db8::bbbb:2"));
  });
});

describe("ETag", () => {
  it("is a quoted hash of the body that changes with it", () => {
    const a = etagOf("{}");
    expect(a).toMatch(/^"[\w-]{32}"$/);
    expect(etagOf("{}")).toBe(a);
    expect(etagOf("[]")).not.toBe(a);
  });
  it("If-None-Match: lists, weak form and * match", () => {
    const e = etagOf("x");
    expect(matchesEtag(null, e)).toBe(false);
    expect(matchesEtag(`"other", ${e}`, e)).toBe(true);
    expect(matchesEtag(`W/${e}`, e)).toBe(true);
    expect(matchesEtag("*", e)).toBe(true);
    expect(matchesEtag(`"other"`, e)).toBe(false);
  });
});
