import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as progressGET, OPTIONS as progressOPTIONS } from "@/app/api/v1/progress/route";
import { GET as schoolsGET, OPTIONS as schoolsOPTIONS } from "@/app/api/v1/schools/route";
import { GET as changesFeedGET } from "@/app/feeds/changes.atom/route";
import { apiGet } from "@/lib/opendata/http";
import { originHeaders } from "@/lib/request/public-origin";
import { call, type Called } from "../support/api-call";
import { peerHeaders } from "../support/peer";
import { seedOpenData } from "../support/opendata-fixtures";
import { fileTestDb } from "../support/test-db";

/**
 * One edge for every public JSON/feed route (issue 11, findings 3 and 4): /api/v1/progress answers
 * with the same rate limit, ETag/304, CORS, preflight and error bodies as /api/v1/schools, and an
 * answer that embeds the public origin is never served for another host.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "1000";

fileTestDb(seedOpenData);

const client = (extra: Record<string, string> = {}) => peerHeaders("198.51.100.20", { Origin: "https://example.org", ...extra });

/** The headers the edge adds to every answer, with the values that must agree between routes. */
function edgeHeaders(r: Called) {
  const h = r.headers;
  return {
    etag: /^"[\w-]{20,}"$/.test(h.get("etag") ?? ""),
    allowOrigin: h.get("access-control-allow-origin"),
    exposeHeaders: h.get("access-control-expose-headers"),
    rateLimit: h.get("ratelimit-limit"),
    rateRemaining: /^\d+$/.test(h.get("ratelimit-remaining") ?? ""),
    rateReset: /^\d+$/.test(h.get("ratelimit-reset") ?? ""),
    publicCache: /^public, max-age=\d+/.test(h.get("cache-control") ?? ""),
  };
}

describe("/api/v1/progress goes through the API edge like /api/v1/schools", () => {
  it("answers ETag/304, CORS, RateLimit headers and OPTIONS exactly like /api/v1/schools", async () => {
    const routes = [
      ["/api/v1/progress", progressGET, progressOPTIONS],
      ["/api/v1/schools", schoolsGET, schoolsOPTIONS],
    ] as const;
    const seen = [];
    for (const [path, get, options] of routes) {
      const first = await call(get, path, { headers: client() });
      expect(first.status, path).toBe(200);
      const again = await call(get, path, { headers: client({ "If-None-Match": first.headers.get("etag") ?? "" }) });
      const pre = await call(async (req) => options(req), path, {
        method: "OPTIONS",
        headers: client({ "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" }),
      });
      seen.push({
        ok: edgeHeaders(first),
        notModified: { status: again.status, body: again.text, sameEtag: again.headers.get("etag") === first.headers.get("etag"), ...edgeHeaders(again) },
        preflight: { status: pre.status, headers: Object.fromEntries(pre.headers) },
      });
    }
    const [progress, schools] = seen;
    expect(progress).toEqual(schools);
    expect(schools.ok).toEqual({
      etag: true,
      allowOrigin: "*",
      exposeHeaders: expect.stringContaining("RateLimit-Remaining"),
      rateLimit: "1000",
      rateRemaining: true,
      rateReset: true,
      publicCache: true,
    });
    expect(schools.notModified).toMatchObject({ status: 304, body: "", sameEtag: true });
    expect(schools.preflight.status).toBe(204);
  });

  it("refuses a query parameter with the edge's 400 body, naming it", async () => {
    const progress = await call(progressGET, "/api/v1/progress?authority=guangdong", { headers: client() });
    const schools = await call(schoolsGET, "/api/v1/schools?colour=red", { headers: client() });
    for (const r of [progress, schools]) {
      expect(r.status).toBe(400);
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("access-control-allow-origin")).toBe("*");
      expect(r.headers.get("ratelimit-limit")).toBe("1000");
    }
    expect(progress.json).toEqual({
      error: { code: "VALIDATION", message: expect.any(String), parameters: [{ name: "authority", key: "unknownParameter", message: expect.any(String) }] },
    });
  });
});

describe("answers that embed the public origin", () => {
  const hostA = { Host: "a.example.cn" };
  const hostB = { Host: "b.example.cn" };

  it("a feed rendered for one host is never served for another (own ETag, Vary on the origin's headers)", async () => {
    const a = await call(changesFeedGET, "/feeds/changes.atom", { headers: hostA });
    const b = await call(changesFeedGET, "/feeds/changes.atom", { headers: { ...hostB, "If-None-Match": a.headers.get("etag") ?? "" } });
    expect(a.text).toContain('href="http://a.example.cn/feeds/changes.atom"');
    expect(b.status).toBe(200); // A's ETag does not match B's feed
    expect(b.text).toContain('href="http://b.example.cn/feeds/changes.atom"');
    expect(b.text).not.toContain("a.example.cn");
    for (const r of [a, b]) {
      expect(r.headers.get("cache-control")).toMatch(/^public/);
      expect(r.headers.get("vary")).toBe("Host"); // TRUST_PROXY and PUBLIC_URL unset in tests
    }
    const notModified = await call(changesFeedGET, "/feeds/changes.atom", { headers: { ...hostB, "If-None-Match": b.headers.get("etag") ?? "" } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("vary")).toBe("Host");
    // An answer that does not read the origin does not vary on it.
    expect((await call(schoolsGET, "/api/v1/schools")).headers.get("vary")).toBeNull();
  });

  it("the edge does not reuse a memoised serialisation for an answer that read the origin", async () => {
    const shared = {}; // stands for a cached read's result, the same object for every request
    const handler = apiGet(z.object({}), async ({ origin }) => ({ kind: "json", body: { self: `${origin()}/x` }, memo: shared }));
    const a = await call(handler, "/x", { headers: hostA });
    const b = await call(handler, "/x", { headers: hostB });
    expect(a.json).toEqual({ self: "http://a.example.cn/x" });
    expect(b.json).toEqual({ self: "http://b.example.cn/x" });
  });

  it("varies on the headers the public-origin rule reads under each setting", () => {
    expect(originHeaders({ trustedProxies: 0 })).toEqual(["Host"]);
    expect(originHeaders({ trustedProxies: 1 })).toEqual(["Host", "X-Forwarded-Host", "X-Forwarded-Proto"]);
    expect(originHeaders({ trustedProxies: 1, publicUrl: "https://jg.example.gov.cn" })).toEqual([]);
  });
});
