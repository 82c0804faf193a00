import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium; Playwright's own browsers cannot be
 * downloaded here). By default the tests run against a production build served by
 * scripts/e2e-server.mjs on a fresh, seeded database (PGlite, or PostgreSQL from E2E_DATABASE_URL).
 * E2E_BASE_URL=http://127.0.0.1:<port> runs them against a server you started yourself instead.
 */
const external = process.env.E2E_BASE_URL;
const port = process.env.E2E_PORT || "3300";
const baseURL = external || `http://127.0.0.1:${port}`;
const ci = !!process.env.CI;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: ci,
  workers: 2,
  retries: ci ? 1 : 0,
  reporter: "list",
  // Sized for a busy 2-core machine (a cold first render under load took 21–30 s for a 6-step test);
  // a passing test is not slower for it.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: `${baseURL}/api/health`,
        env: { E2E_PORT: port },
        // Fresh database: initdb + migrations + demo seed, then next start.
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        // SIGTERM lets the script stop next start and remove its database; SIGKILL after 20 s.
        gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      },
});
