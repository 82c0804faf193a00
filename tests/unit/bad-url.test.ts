import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { urlProblem } from "@/lib/validation/url";
import { API_EDGE, config, proxy } from "@/proxy";

/**
 * Issue 12, finding 5: a path segment that does not decode ("%ff") made Next's router throw — a bare
 * 500 without the security headers — and NUL in a path or query reached PostgreSQL (a 500 from the
 * page). proxy.ts now answers each with a 400: a bilingual page with the CSP and the other headers,
 * or under /api/ the API's error body. Run against the proxy function itself and against the
 * matchers as Next.js compiles them (so the proxy really runs for these paths in a build).
 */
const require = createRequire(import.meta.url);
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (m: unknown, c: object) => { regexp: string }[];
};

/** The finding's URLs and their relatives (an encoded lone surrogate, a cut-off sequence, a bare %). */
const BAD = [
  "/schools/%ff",
  "/api/v1/verify/%ff",
  "/api/v1/schools/%E4%B8",
  "/feeds/schools/%ff.atom",
  "/console/schools/%ff",
  "/console/schools/%ff/edit",
  "/schools/%ED%A0%80",
  "/notices/%",
  "/console/selection/attachments/%00",
  "/schools/abc%0A",
  "/console/schools/export?authority=%00",
  "/schools?q=a%00b",
  "/api/auth/session?x=%00",
];
const GOOD = ["/", "/schools/%E5%B9%BF%E5%B7%9E", "/schools?q=%E6%8A%80%E5%B8%88", "/schools?q=%ff", "/api/v1/schools/%41", "/console/schools?q=100%25"];

/** Whether Next.js runs the proxy for a request: its own compiled matchers, raw or decoded path. */
const matchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
function proxied(url: string): boolean {
  const path = url.split("?")[0];
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {}
  return matchers.some((re) => re.test(path) || re.test(decoded));
}

const call = (url: string, init: { headers?: Record<string, string>; method?: string } = {}) =>
  proxy(new NextRequest(new URL(url, "http://registry.test"), init));

describe("the URL rule (lib/validation/url.ts)", () => {
  it("names each bad URL and lets good ones through", () => {
    for (const url of BAD) {
      const [path, query = ""] = url.split("?");
      expect(urlProblem(path, query ? `?${query}` : ""), url).not.toBeNull();
    }
    for (const url of GOOD) {
      const [path, query = ""] = url.split("?");
      expect(urlProblem(path, query ? `?${query}` : ""), url).toBeNull();
    }
  });
});

describe("proxy.ts answers a bad URL with a 400 and the headers", () => {
  for (const url of BAD) {
    it(url, async () => {
      expect(proxied(url), `the proxy must run for ${url}`).toBe(true);
      const r = await call(url);
      expect(r.status).toBe(400);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("cache-control")).toBe("no-store");
      const body = await r.text();
      expect(body).not.toMatch(/\n\s+at |Error:|node_modules|\/work\//);
      if (url.startsWith("/api/")) {
        expect(r.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(JSON.parse(body)).toMatchObject({ error: { code: "VALIDATION", parameters: [{ name: "path", key: "malformedPath" }] } });
      } else {
        const csp = r.headers.get("content-security-policy")!;
        const nonce = /'nonce-([^']+)'/.exec(csp)![1];
        expect(body).toContain(`<style nonce="${nonce}">`);
        expect(body).toContain("网址无法识别");
        expect(body).toContain("This address cannot be read");
        expect(body).not.toContain("<script");
      }
    });
  }

  it("the API body reads in English when asked", async () => {
    const r = await call("/api/v1/verify/%ff", { headers: { "accept-language": "en" } });
    expect((await r.json()).error.message).toMatch(/^The request path/);
  });

  it("good URLs go on to the app (pages with the nonce; the API untouched, its headers from next.config.js)", async () => {
    for (const url of GOOD) {
      const r = await call(url);
      expect(r.headers.get("x-middleware-next"), url).toBe("1");
      if (API_EDGE.test(url.split("?")[0])) expect(r.headers.get("content-security-policy"), url).toBeNull();
      else expect(r.headers.get("content-security-policy"), url).toMatch(/'nonce-/);
    }
  });

  it("the API edge the proxy skips is exactly the one its first matcher leaves out", () => {
    const first = new RegExp(getMiddlewareMatchers([config.matcher[0]], {})[0].regexp);
    for (const path of ["/api/v1/schools", "/api/v1/schools/x", "/api/v1/verify/X", "/api/v1/openapi.json", "/api/health", "/api/v1/keys/a.pem"]) {
      expect(API_EDGE.test(path), path).toBe(true);
      expect(first.test(path), path).toBe(false);
    }
    for (const path of ["/api/v1/schoolsx", "/api/healthz", "/api/auth/session", "/api/v1", "/schools"]) {
      expect(API_EDGE.test(path), path).toBe(false);
      expect(first.test(path), path).toBe(true);
    }
  });
});
