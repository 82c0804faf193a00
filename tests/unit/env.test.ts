import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("defaults to the embedded database in .data", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
  });

  it("accepts a PostgreSQL URL and a long enough secret", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@localhost:5432/registry", AUTH_SECRET: "x".repeat(32) });
    expect(env.DATABASE_URL).toBe("postgresql://u:p@localhost:5432/registry");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AUTH_SECRET: "" }).DATABASE_URL).toBeUndefined();
  });

  it("rejects a DATABASE_URL that is not PostgreSQL, naming the variable and the reason", () => {
    const message = errorOf({ DATABASE_URL: "mysql://root@localhost/registry" });
    expect(message).toMatch(/DATABASE_URL: must start with postgresql:\/\//);
    expect(message).not.toMatch(/AUTH_SECRET/);
  });

  it("rejects a short AUTH_SECRET, naming the variable and the reason", () => {
    const message = errorOf({ AUTH_SECRET: "short" });
    expect(message).toMatch(/AUTH_SECRET: must be at least 16 characters/);
    expect(message).not.toMatch(/DATABASE_URL/);
  });

  it("takes the evidence upload quota in MB per account and 24 hours: 200 unless set, at least one 10 MB file", () => {
    expect(parseEnv({}).ATTACHMENT_QUOTA_MB_PER_DAY).toBe(200);
    expect(parseEnv({ ATTACHMENT_QUOTA_MB_PER_DAY: "50" }).ATTACHMENT_QUOTA_MB_PER_DAY).toBe(50);
    expect(errorOf({ ATTACHMENT_QUOTA_MB_PER_DAY: "5" })).toMatch(/ATTACHMENT_QUOTA_MB_PER_DAY: must be at least 10/);
  });

  it("reports every wrong variable at once", () => {
    const message = errorOf({ DATABASE_URL: "sqlite:./x.db", AUTH_SECRET: "short", NODE_ENV: "staging" });
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).toMatch(/NODE_ENV/);
  });
});
