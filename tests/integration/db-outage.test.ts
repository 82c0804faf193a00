import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  databaseAvailable,
  dbMarkedDown,
  isConnectionFailure,
  markDbDown,
  markDbUp,
  PROBE_INTERVAL_MS,
  registerProbe,
  resetAvailability,
  STALE_AFTER_MS,
} from "@/lib/db/availability";
import { disconnect, setDbClient } from "@/lib/db/client";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { watchAvailability } from "@/lib/db/watch-pool";
import { outageGate } from "@/lib/outage/gate";
import { installOutageStatus } from "@/lib/outage/status";
import { createSchoolAction } from "@/lib/schools/actions";
import { signInAs, testUsers } from "../support/session";
import { createForm } from "./schools-fixtures";

/**
 * The database-outage machinery piece by piece (tests/e2e/faults.spec.ts stops a real PostgreSQL
 * under a running production server): which errors count as "down", the proxy's gate with its
 * probe every PROBE_INTERVAL_MS, the pool watcher, the 503 answers, and the 500→503 status rewrite.
 */
const REFUSED = "postgresql://registry:registry@127.0.0.1:1/registry"; // nothing listens on port 1

beforeEach(() => resetAvailability());
afterEach(() => resetAvailability());
afterAll(async () => disconnect());

describe("isConnectionFailure", () => {
  it("counts unreachable, shutting-down and out-of-slots servers, not bad queries", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "53300", "08006"]) {
      expect(isConnectionFailure(Object.assign(new Error("x"), { code })), code).toBe(true);
    }
    expect(isConnectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionFailure(new Error("timeout exceeded when trying to connect"))).toBe(true);
    for (const code of ["23505", "42P01", "P2002", "40001"]) {
      expect(isConnectionFailure(Object.assign(new Error("x"), { code })), code).toBe(false);
    }
    expect(isConnectionFailure(null)).toBe(false);
  });
});

describe("databaseAvailable (the proxy's gate)", () => {
  it("lets everything through when no PostgreSQL pool is open (PGlite, or nothing queried yet)", async () => {
    markDbDown();
    expect(await databaseAvailable()).toBe(true);
  });

  it("while down: refuses at once, probes at most once per interval, and recovers when a probe succeeds", async () => {
    let calls = 0;
    let up = false;
    registerProbe("db", async () => {
      calls++;
      if (!up) throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    });
    const t0 = 1_000_000;
    markDbDown(t0);
    expect(await databaseAvailable(t0)).toBe(false); // the first request after going down probes
    expect(calls).toBe(1);
    expect(await databaseAvailable(t0 + 10)).toBe(false);
    expect(await databaseAvailable(t0 + PROBE_INTERVAL_MS - 1)).toBe(false);
    expect(calls).toBe(1);
    up = true;
    expect(await databaseAvailable(t0 + PROBE_INTERVAL_MS)).toBe(true);
    expect(calls).toBe(2);
    expect(dbMarkedDown()).toBe(false);
    expect(await databaseAvailable(t0 + PROBE_INTERVAL_MS + 1)).toBe(true);
    expect(calls).toBe(2);
  });

  it("while up: passes without a probe after recent success, checks once after STALE_AFTER_MS idle", async () => {
    let calls = 0;
    registerProbe("db", async () => {
      calls++;
      throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    });
    const t0 = Date.now();
    markDbUp(t0);
    expect(await databaseAvailable(t0 + 1)).toBe(true);
    expect(calls).toBe(0);
    expect(await databaseAvailable(t0 + STALE_AFTER_MS)).toBe(false);
    expect(calls).toBe(1);
    expect(dbMarkedDown()).toBe(true);
  });

  it("concurrent requests share one probe", async () => {
    let calls = 0;
    registerProbe("db", async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 50));
    });
    const answers = await Promise.all(Array.from({ length: 20 }, () => databaseAvailable()));
    expect(answers.every(Boolean)).toBe(true);
    expect(calls).toBe(1);
  });
});

describe("watchAvailability (the pool's reports)", () => {
  it("a refused connection marks the database down; its probe fails", async () => {
    const pool = new pg.Pool({ connectionString: REFUSED, connectionTimeoutMillis: 1000 });
    pool.on("error", () => {});
    const unregister = watchAvailability(pool, REFUSED);
    await expect(pool.query("SELECT 1")).rejects.toThrow();
    expect(dbMarkedDown()).toBe(true);
    await expect(pool.connect()).rejects.toThrow();
    expect(await databaseAvailable()).toBe(false);
    unregister();
    await pool.end();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL: a working pool marks it up again", async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const pool = new pg.Pool({ connectionString: url });
    const unregister = watchAvailability(pool, url);
    markDbDown(0);
    expect(await databaseAvailable()).toBe(true);
    expect(dbMarkedDown()).toBe(false);
    markDbDown();
    await pool.query("SELECT 1");
    expect(dbMarkedDown()).toBe(false);
    unregister();
    await pool.end();
  });
});

describe("outageGate (proxy.ts)", () => {
  const down = () => {
    registerProbe("db", async () => {
      throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    });
    markDbDown();
  };

  it("answers pages with the bilingual 503 page: alert, retry link to the same URL (escaped), no detail", async () => {
    down();
    const res = await outageGate(new Request('http://localhost/schools?q="><script>alert(1)</script>'), "n0nce");
    expect(res?.status).toBe(503);
    expect(res?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res?.headers.get("cache-control")).toBe("no-store");
    const html = await res!.text();
    expect(html.indexOf("数据库暂时无法访问")).toBeLessThan(html.indexOf("The database is temporarily unavailable"));
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="/schools?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E">');
    expect(html).not.toContain("<script>");
    expect(html).toContain('<style nonce="n0nce">');
  });

  it("answers /api/* with 503 JSON DB_UNAVAILABLE in the client's language", async () => {
    down();
    const res = await outageGate(new Request("http://localhost/api/v1/schools", { headers: { "accept-language": "en-GB,en;q=0.9" } }), "n");
    expect(res?.status).toBe(503);
    expect(res?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res!.json()).toMatchObject({ error: { code: "DB_UNAVAILABLE", message: expect.stringContaining("temporarily unavailable") } });
  });

  it("lets /api/health, server actions and Next's files through, and everything when the database is up", async () => {
    down();
    expect(await outageGate(new Request("http://localhost/api/health"), "n")).toBeNull();
    expect(await outageGate(new Request("http://localhost/console/schools/x/edit", { method: "POST", headers: { "next-action": "abc" } }), "n")).toBeNull();
    expect(await outageGate(new Request("http://localhost/_next/static/chunks/a.js"), "n")).toBeNull();
    markDbUp();
    expect(await outageGate(new Request("http://localhost/schools"), "n")).toBeNull();
  });
});

describe("installOutageStatus (a 500 written while the database is down)", () => {
  it("becomes 503 with Retry-After while down; other statuses, and 500 while up, pass untouched", async () => {
    installOutageStatus();
    const server = http.createServer((req, res) => {
      res.statusCode = req.url === "/ok" ? 200 : 500;
      res.end("x");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/boom`)).status).toBe(500);
      markDbDown();
      const res = await fetch(`${base}/boom`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await fetch(`${base}/ok`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});

describe("a write while the database is unreachable", () => {
  it("the action answers DB_UNAVAILABLE (shown in the form), not a thrown error", async () => {
    const engine = openEngine({ kind: "postgres", url: REFUSED });
    setDbClient(new PrismaClient({ adapter: engine.factory }), engine);
    signInAs(testUsers.gdOfficer);
    const res = await createSchoolAction(createForm());
    expect(res).toEqual({ ok: false, code: "DB_UNAVAILABLE" });
    expect(dbMarkedDown()).toBe(true);
  });
});
