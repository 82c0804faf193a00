import { beforeEach, describe, expect, it } from "vitest";
import { GET as schoolsGET } from "@/app/api/v1/schools/route";
import { checkRateLimit, RATE_WINDOW_MS } from "@/lib/opendata/rate-limit/limit";
import { errorSchema } from "@/lib/opendata/schemas/response";
import { call } from "../support/api-call";
import { seedOpenData } from "../support/opendata-fixtures";
import { fileTestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";
import { inOneRateWindow } from "../support/rate-window";

/**
 * The per-client rate limit: counts live in the database (RateLimitBucket), so every app process
 * shares them; one atomic upsert per request. A small limit is set through the environment.
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "3";

const t = fileTestDb(seedOpenData);

const from = (ip: string) => ({ headers: peerHeaders(ip) });

// The tests count real requests up to a per-minute limit: all of them in one window.
beforeEach(() => inOneRateWindow());

describe("rate limit", () => {
  it("a forged X-Forwarded-For does not buy a fresh limit without TRUST_PROXY (issue 11, finding 2)", async () => {
    await t.client.rateLimitBucket.deleteMany();
    // One socket, a new X-Forwarded-For each time: under the old rule (its last hop) each was a new client.
    const forged = (n: number) => ({ headers: peerHeaders("203.0.113.77", { "X-Forwarded-For": `10.9.9.${n}` }) });
    for (let i = 0; i < 3; i++) expect((await call(schoolsGET, "/api/v1/schools", forged(i))).status).toBe(200);
    expect((await call(schoolsGET, "/api/v1/schools", forged(10))).status).toBe(429);
    expect((await call(schoolsGET, "/api/v1/schools", { headers: { "X-Forwarded-For": "10.9.9.11" } })).status).toBe(200);
  });

  it("answers 429 with Retry-After and a JSON body after the limit, per client address", async () => {
    await t.client.rateLimitBucket.deleteMany();
    for (let i = 0; i < 3; i++) {
      const ok = await call(schoolsGET, "/api/v1/schools", from("203.0.113.5"));
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    const limited = await call(schoolsGET, "/api/v1/schools", from("203.0.113.5"));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = errorSchema.parse(limited.json);
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.retryAfter).toBe(retryAfter);
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(limited.headers.get("access-control-allow-origin")).toBe("*");
    // Another client is not affected.
    expect((await call(schoolsGET, "/api/v1/schools", from("203.0.113.6"))).status).toBe(200);
    // Bad requests count too (they cost a query parse) and are refused with 429 once over.
    expect((await call(schoolsGET, "/api/v1/schools?tier=FOO", from("203.0.113.5"))).status).toBe(429);
  });

  it("keeps its state in the database: concurrent requests never exceed the limit", async () => {
    await t.client.rateLimitBucket.deleteMany();
    const results = await Promise.all(Array.from({ length: 12 }, () => call(schoolsGET, "/api/v1/schools?pageSize=1", from("198.51.100.7"))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(9);
    const rows = await t.client.rateLimitBucket.findMany({ where: { key: "ip:198.51.100.7" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(12);
  });

  it("starts afresh in the next window and prunes old windows", async () => {
    await t.client.rateLimitBucket.deleteMany();
    const req = new Request("http://localhost/api/v1/schools", from("192.0.2.9"));
    const start = Math.floor(Date.now() / RATE_WINDOW_MS) * RATE_WINDOW_MS + 5 * RATE_WINDOW_MS;
    for (let i = 0; i < 3; i++) expect((await checkRateLimit(req, start + 1000))?.limited).toBe(false);
    const over = await checkRateLimit(req, start + 10_000);
    expect(over).toMatchObject({ limited: true, resetSeconds: 50 });
    expect((await checkRateLimit(req, start + RATE_WINDOW_MS + 1))?.limited).toBe(false);
    // Windows that ended more than one window ago are pruned.
    await checkRateLimit(req, start + 3 * RATE_WINDOW_MS);
    const windows = await t.client.rateLimitBucket.findMany({ where: { key: "ip:192.0.2.9" }, orderBy: { windowStart: "asc" } });
    expect(windows.map((w) => w.windowStart.getTime() - start)).toEqual([3 * RATE_WINDOW_MS]);
  });
});
