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
};

module.exports = withNextIntl(nextConfig);
