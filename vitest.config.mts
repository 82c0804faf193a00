import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run the server code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/support/setup.ts"],
    // Each integration file opens its own database; PGlite wants memory, so keep parallelism modest.
    maxWorkers: 2,
    // Sized for a busy 2-core machine (CI runs beside other work): the slowest idle test takes ~50 s.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    env: { TZ: "America/Los_Angeles" },
  },
});
