// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and its Prisma adapter break when bundled; the wasm schema engine is never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "exceljs"],
  // Lets several dev servers share one checkout (each with its own NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Dev server: allow its own resources when opened as 127.0.0.1 (tests use it).
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // Types are checked once by `npm run typecheck` (part of `npm test`), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // The JSON API is not behind proxy.ts (see its matcher): its security headers are set here, for
  // every answer under these paths (Next's own 404/405/500 included). Kept equal to
  // apiSecurityHeaders() in lib/security/headers.ts (tests/unit/security-headers-config.test.ts).
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
    ];
    const hsts = [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }];
    const https = [{ type: "header", key: "x-forwarded-proto", value: "https" }];
    return ["/api/v1/:path*", "/api/health"].flatMap((source) => [
      { source, headers },
      { source, has: https, headers: hsts },
    ]);
  },
};

module.exports = withNextIntl(nextConfig);
