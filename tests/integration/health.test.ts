import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { GET as schoolsGET } from "@/app/api/v1/schools/route";
import { disconnect, setDbClient } from "@/lib/db/client";
import { openEngine } from "@/lib/db/engines";
import { PrismaClient } from "@/lib/db/generated/client";
import { call } from "../support/api-call";
import { peerHeaders } from "../support/peer";
import { inOneRateWindow } from "../support/rate-window";
import { openTestDb, type TestDb } from "../support/test-db";

// A small open-data limit, to show that it is in force and that /api/health does not count against it.
process.env.API_RATE_LIMIT_PER_MINUTE = "2";

describe("GET /api/health", () => {
  describe("with a database that answers", () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb();
    });
    afterAll(async () => t.close());

    it(`answers 200 {"status":"ok","db":"ok"}`, async () => {
      const res = await GET();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok", db: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    });

    // Decision 0051: balancers poll from one address every few seconds; a 429 would take a healthy node out.
    it("is not rate-limited: a balancer's polls pass the open-data limit and are not counted", async () => {
      await inOneRateWindow(); // the requests below count up to a per-minute limit: one window
      await t.client.rateLimitBucket.deleteMany();
      const balancer = peerHeaders("10.0.0.2");
      const schools = [];
      for (let i = 0; i < 3; i++) schools.push((await call(schoolsGET, "/api/v1/schools", { headers: balancer })).status);
      expect(schools).toEqual([200, 200, 429]); // the limit is in force for this address…
      for (let i = 0; i < 5; i++) {
        const res = await GET();
        expect(res.status).toBe(200); // …and health answers regardless
        expect(res.headers.get("ratelimit-limit")).toBeNull();
      }
      const rows = await t.client.rateLimitBucket.findMany();
      expect(rows.map((r) => r.count)).toEqual([3]);
    });

    it("concurrent checks share one database probe (a flood holds one connection, not the pool)", async () => {
      const spy = vi.spyOn(t.client, "$queryRaw");
      try {
        const answers = await Promise.all(Array.from({ length: 20 }, () => GET()));
        expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
        expect(spy).toHaveBeenCalledTimes(1);
        await GET(); // a check after the probe settled probes afresh
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe("with a database that does not answer", () => {
    beforeAll(() => {
      // Nothing listens on port 1: every connection is refused.
      const engine = openEngine({ kind: "postgres", url: "postgresql://registry:registry@127.0.0.1:1/registry" });
      setDbClient(new PrismaClient({ adapter: engine.factory }), engine);
    });
    afterAll(async () => disconnect());

    it(`answers 503 with "db":"down"`, async () => {
      const started = Date.now();
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ db: "down" });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
