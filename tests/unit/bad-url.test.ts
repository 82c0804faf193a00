import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { MALFORMED_PERCENT } from "@/tests/support/hostile-input";
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

/** Every dynamic route of the app, as a URL template ("/console/schools/{}/edit"), read from app/. */
function dynamicRoutes(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const segment = /^\(.*\)$/.test(entry.name) ? "" : /^\[.*\]$/.test(entry.name) ? "/{}" : `/${entry.name}`;
      out.push(...dynamicRoutes(full, prefix + segment));
    } else if (/^(page\.tsx|route\.ts)$/.test(entry.name) && prefix.includes("{}")) out.push(prefix);
  }
  return out;
}
const ROUTES = dynamicRoutes();

describe("property: any segment in any dynamic route (issue 12, finding 5's class)", () => {
  it("finds the app's dynamic routes (pages, console routes, feeds, the API)", () => {
    for (const r of [
      "/schools/{}",
      "/console/schools/{}/edit",
      "/console/selection/attachments/{}",
      "/feeds/schools/{}",
      "/api/v1/verify/{}",
      "/api/v1/schools/{}",
    ])
      expect(ROUTES).toContain(r);
  });

  /** A segment: a malformed or NUL-bearing encoding, or random bytes percent-encoded (valid UTF-8 or not). */
  const segment = fc.oneof(
    fc.constantFrom(...MALFORMED_PERCENT),
    fc.uint8Array({ minLength: 1, maxLength: 6 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).map(encodeURIComponent),
  );

  it("the proxy runs for it and answers 400 exactly when the segment does not decode or holds a control character", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), segment, fc.constantFrom("", "?q=%00", "?q=ok"), async (route, seg, query) => {
        const url = route.replace("{}", seg) + query;
        let decoded: string | null = null;
        try {
          decoded = decodeURIComponent(seg);
        } catch {}
        const badPath = decoded === null || /[\u0000-\u001f\u007f-\u009f]/.test(decoded);
        const bad = badPath || query === "?q=%00";
        // The open-data API's own query parser names a NUL parameter (a 400 of its own); its path is the proxy's.
        const edge = API_EDGE.test(route.replace("{}", "x"));
        if (badPath || (bad && !edge)) expect(proxied(url), url).toBe(true);
        const r = await call(url);
        expect(r.status === 400, url).toBe(bad);
        if (bad) expect(r.headers.get("content-security-policy"), url).toBeTruthy();
      }),
      { numRuns: 400 },
    );
  });
});
