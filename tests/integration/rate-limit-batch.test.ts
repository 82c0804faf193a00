import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkRateLimit, flushRateLimitCounts, FLUSH_MS, RATE_WINDOW_MS, syncMargin } from "@/lib/opendata/rate-limit/limit";
import { openTestDb, type TestDb } from "../support/test-db";
import { peerHeaders } from "../support/peer";

/**
 * Far from the limit a process counts requests itself and writes them to the shared counter in
 * one statement at most FLUSH_MS later; near the limit (and on a client's first request) every
 * request writes and decides on the shared count (docs/decisions/0042-batched-rate-limit-counts.md).
 */
process.env.API_RATE_LIMIT_PER_MINUTE = "100";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await flushRateLimitCounts();
  await t.client.rateLimitBucket.deleteMany();
});

// A window well in the future, so that a test never crosses a minute boundary.
const windowStart = Math.floor(Date.now() / RATE_WINDOW_MS) * RATE_WINDOW_MS + 10 * RATE_WINDOW_MS;
const at = windowStart + 1_000;
const req = (ip: string) => new Request("http://localhost/api/v1/schools", { headers: peerHeaders(ip) });
const stored = async (ip: string) => (await t.client.rateLimitBucket.findMany({ where: { key: `ip:${ip}` } })).reduce((n, r) => n + r.count, 0);

describe("batched rate-limit counts", () => {
  it("writes the first request at once and defers the next ones far from the limit", async () => {
    expect(syncMargin(100)).toBe(20);
    for (let i = 1; i <= 50; i++) {
      const d = await checkRateLimit(req("203.0.113.20"), at);
      expect(d).toMatchObject({ limited: false, remaining: 100 - i });
    }
    // One statement so far (the first request); the other 49 are counted here, not yet written.
    expect(await stored("203.0.113.20")).toBe(1);
    await flushRateLimitCounts();
    expect(await stored("203.0.113.20")).toBe(50);
  });

  it("writes deferred counts by itself within FLUSH_MS", async () => {
    for (let i = 0; i < 10; i++) await checkRateLimit(req("203.0.113.21"), at);
    await new Promise((r) => setTimeout(r, FLUSH_MS + 300));
    expect(await stored("203.0.113.21")).toBe(10);
  });

  it("decides on the shared count near the limit, including other processes' counts", async () => {
    const ip = "203.0.113.22";
    let allowed = 0;
    for (let i = 0; i < 30; i++) if (!(await checkRateLimit(req(ip), at))!.limited) allowed++;
    // Another node flushes 60 requests of the same client into the shared counter.
    await t.client.$executeRaw`UPDATE "RateLimitBucket" SET "count" = "count" + 60 WHERE "key" = ${`ip:${ip}`}`;
    await flushRateLimitCounts(); // our flush returns the shared count: 90
    const statuses: boolean[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await checkRateLimit(req(ip), at))!.limited);
    allowed += statuses.filter((l) => !l).length;
    // 100 in all: 60 through the other node, 40 through this one; the rest refused.
    expect(allowed).toBe(40);
    expect(statuses.slice(10).every(Boolean)).toBe(true);
    expect(await stored(ip)).toBe(105);
  });

  it("concurrent requests near the limit never exceed it", async () => {
    const ip = "203.0.113.23";
    for (let i = 0; i < 70; i++) await checkRateLimit(req(ip), at);
    const results = await Promise.all(Array.from({ length: 60 }, () => checkRateLimit(req(ip), at)));
    expect(results.filter((d) => !d!.limited)).toHaveLength(30);
    await flushRateLimitCounts();
    expect(await stored(ip)).toBe(130);
  });
});
