import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "@/proxy";
import { apiSecurityHeaders } from "@/lib/security/headers";

/**
 * proxy.ts (CSP nonce, security headers, outage and cross-origin checks) does not run for the JSON
 * API; next.config.js gives those paths their security headers instead. Every HTML page must
 * still go through the proxy, and the API must still get the headers.
 */
const require = createRequire(import.meta.url);
type HeaderRule = { source: string; has?: { type: string; key: string; value?: string }[]; headers: { key: string; value: string }[] };
const nextConfig = require("../../next.config.js") as { headers: () => Promise<HeaderRule[]> };

const source = proxyConfig.matcher[0].source;
const proxied = (path: string) => new RegExp(`^${source}$`).test(path);

describe("which requests proxy.ts runs for", () => {
  it("runs for every page, the sign-in endpoints, feeds and console routes", () => {
    for (const path of [
      "/",
      "/schools",
      "/schools/abc",
      "/console/schools",
      "/console/imports/upload",
      "/api/auth/csrf",
      "/api/auth/callback/credentials",
      "/feeds/changes.atom",
      "/verify/X1",
      "/data",
      "/api/v1",
      "/api/v1/unknown",
      "/api/v1/schoolsx",
      "/api/healthz",
      "/api/other",
    ]) {
      expect(proxied(path), path).toBe(true);
    }
  });

  it("skips the JSON API and Next's static files", () => {
    for (const path of [
      "/api/v1/schools",
      "/api/v1/progress",
      "/api/v1/schools/abc",
      "/api/v1/openapi.json",
      "/api/v1/majors",
      "/api/v1/designations",
      "/api/v1/changes",
      "/api/v1/releases/x/y.csv",
      "/api/v1/verify/ABC",
      "/api/v1/keys/k.pem",
      "/api/health",
      "/_next/static/chunks/a.js",
      "/favicon.ico",
    ]) {
      expect(proxied(path), path).toBe(false);
    }
  });
});

describe("next.config.js security headers for the paths the proxy skips", () => {
  it("sets the API's security headers on /api/v1/… and /api/health, and HSTS behind HTTPS", async () => {
    const rules = await nextConfig.headers();
    for (const path of ["/api/v1/:path*", "/api/health"]) {
      const always = rules.find((r) => r.source === path && !r.has);
      const https = rules.find((r) => r.source === path && r.has);
      expect(Object.fromEntries(always!.headers.map((h) => [h.key, h.value]))).toEqual(apiSecurityHeaders(false));
      expect(https!.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
      const withHttps = {
        ...Object.fromEntries(always!.headers.map((h) => [h.key, h.value])),
        ...Object.fromEntries(https!.headers.map((h) => [h.key, h.value])),
      };
      expect(withHttps).toEqual(apiSecurityHeaders(true));
    }
  });

  it("gives the API a CSP that allows nothing and forbids framing", () => {
    const h = apiSecurityHeaders(false);
    expect(h["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
  });
});
