import { describe, expect, it } from "vitest";
import os from "node:os";
import path from "node:path";
import { runDbScript } from "../support/fixtures/run-script";

// If the check ever stopped working, the script must not open a real database.
const nowhere = path.join(os.tmpdir(), "registry-env-test-never-created");

/** A wrong environment stops start-up with the variable's name — checked on a real process. */
describe("start-up with a wrong environment", () => {
  it("stops with a message naming DATABASE_URL, before touching any database", async () => {
    const out = await runDbScript(["status"], { DATABASE_URL: "mysql://root@127.0.0.1/registry", DATA_DIR: nowhere });
    expect(out.code).toBe(1);
    expect(out.output).toMatch(/Invalid environment configuration/);
    expect(out.output).toMatch(/DATABASE_URL: must start with postgresql:\/\//);
  });

  it("stops with a message naming AUTH_SECRET", async () => {
    const out = await runDbScript(["status"], { AUTH_SECRET: "too-short", DATABASE_URL: "", DATA_DIR: nowhere });
    expect(out.code).toBe(1);
    expect(out.output).toMatch(/AUTH_SECRET: must be at least 16 characters/);
  });
});
