#!/usr/bin/env node
/**
 * The build step of `npm test`: `next build`, unless SKIP_BUILD=1 says the current build is to be
 * reused (.ci/run's second pass, on PostgreSQL, tests the build the first pass made).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";

if (process.env.SKIP_BUILD === "1") {
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.error(`SKIP_BUILD=1 but there is no build in ${distDir}/: run without SKIP_BUILD.`);
    process.exit(1);
  }
  console.log(`SKIP_BUILD=1: reusing the build in ${distDir}/`);
} else {
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}
