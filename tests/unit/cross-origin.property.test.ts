import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossOriginRefusal, isCrossOriginWrite, requestHost } from "@/lib/security/cross-origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("cross-origin writes (proxy.ts)", () => {
  it("refuses a server-action POST from another origin, a null origin and a malformed one", () => {
    const action = { host: "127.0.0.1:3300", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };
    expect(isCrossOriginWrite("POST", headers({ ...action, origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ ...action, origin: "null" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ ...action, origin: "http://" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ ...action, origin: "https://a.example, b.example" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ ...action, origin: "javascript://127.0.0.1:3300" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ ...action, origin: "http://127.0.0.1:3301" }))).toBe(true);
    expect(isCrossOriginWrite("POST", headers({ origin: "https://evil.example" }))).toBe(true);
  });

  it("lets same-origin writes, writes without Origin and every GET through", () => {
    expect(isCrossOriginWrite("POST", headers({ host: "127.0.0.1:3300", origin: "http://127.0.0.1:3300" }))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ host: "Registry.Example.CN", origin: "https://registry.example.cn" }))).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ host: "127.0.0.1:3300" }))).toBe(false);
    expect(isCrossOriginWrite("GET", headers({ host: "127.0.0.1:3300", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossOriginWrite("HEAD", headers({ host: "127.0.0.1:3300", origin: "https://evil.example" }))).toBe(false);
  });

  it("behind a reverse proxy compares with the first X-Forwarded-Host, as Next.js does", () => {
    const h = headers({ host: "app:3000", "x-forwarded-host": "registry.example.cn, app:3000", origin: "https://registry.example.cn" });
    expect(requestHost(h)).toBe("registry.example.cn");
    expect(isCrossOriginWrite("POST", h)).toBe(false);
    expect(isCrossOriginWrite("POST", headers({ host: "app:3000", "x-forwarded-host": "registry.example.cn", origin: "http://app:3000" }))).toBe(true);
  });

  it("property: an unsafe method with an Origin whose host differs from Host is always refused; the same host never is", () => {
    const host = fc.domain().chain((d) => fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }).map((p) => (p ? `${d}:${p}` : d)));
    const method = fc.constantFrom("POST", "PUT", "PATCH", "DELETE", "post");
    fc.assert(
      fc.property(method, host, host, fc.constantFrom("http", "https"), (m, own, other, scheme) => {
        const ownHost = new URL(`${scheme}://${own}`).host;
        const otherHost = new URL(`${scheme}://${other}`).host;
        expect(isCrossOriginWrite(m, headers({ host: own, origin: `${scheme}://${own}` }))).toBe(false);
        expect(isCrossOriginWrite(m, headers({ host: own, origin: `${scheme}://${other}` }))).toBe(ownHost !== otherHost);
      }),
      { numRuns: 300 },
    );
  });

  it("property: any Origin string never throws, and GET is never refused", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (origin) => {
        const h = { get: (n: string) => (n === "origin" ? origin : n === "host" ? "127.0.0.1:3300" : null) };
        expect(typeof isCrossOriginWrite("POST", h)).toBe("boolean");
        expect(isCrossOriginWrite("GET", h)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("answers 403 in both languages, plain text, not cached", async () => {
    const r = crossOriginRefusal();
    expect(r.status).toBe(403);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const text = await r.text();
    expect(text).toContain("拒绝跨站请求");
    expect(text).toContain("Cross-site request refused");
  });
});
