import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The topology test (`npm run test:topology`): nginx from deploy/, two `next start` nodes started
 * from deploy/systemd, a PostgreSQL primary and streaming replica. One file, one worker: it owns
 * ports 3800–3829 and most of the machine while it runs.
 */
const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/topology/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
